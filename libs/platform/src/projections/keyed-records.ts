/** A map's entries in insertion order: how a checkpointed projection saves a map, so lists keep their order. */
export function entriesOf<V>(map: ReadonlyMap<string, V>): Array<[string, V]> {
  return [...map];
}

/** Refills a map from saved entries, in their order. */
export function refill<V>(map: Map<string, V>, entries: ReadonlyArray<readonly [string, V]>): void {
  map.clear();
  for (const [key, value] of entries) map.set(key, value);
}
