import { RecordedEvent } from '@imera/event-sourcing';
import { CrisisScope, scopeCoversMaterial } from '@imera/reference-data';
import { SupplyIndicatorsState } from './supply-indicators.projection';

/** The material codes an intake event touches, including those of a measure it changes or lifts. */
export function materialsTouched(event: RecordedEvent, before: SupplyIndicatorsState, after: SupplyIndicatorsState): string[] {
  const data = event.data as { material?: unknown; materials?: unknown; measureId?: unknown };
  const codes = new Set<string>();
  if (typeof data.material === 'string') codes.add(data.material);
  if (Array.isArray(data.materials)) for (const code of data.materials) if (typeof code === 'string') codes.add(code);
  if (typeof data.measureId === 'string') {
    for (const code of before.measures[data.measureId]?.materials ?? []) codes.add(code);
    for (const code of after.measures[data.measureId]?.materials ?? []) codes.add(code);
  }
  return [...codes];
}

/** Finds the scopes whose indicators an event that changed the supply picture can move. */
export type ScopesTouched = (event: RecordedEvent, before: SupplyIndicatorsState, after: SupplyIndicatorsState) => CrisisScope[];

/**
 * The scopes covering a material the event touches, in the configured order. Scopes covering none of them
 * keep their indicators: the crisis monitor reassesses only these.
 */
export function scopesTouchedBy(scopes: readonly CrisisScope[]): ScopesTouched {
  const covering = new Map<string, ReadonlySet<string>>();
  const scopesCovering = (code: string): ReadonlySet<string> => {
    let ids = covering.get(code);
    if (!ids) covering.set(code, (ids = new Set(scopes.filter((scope) => scopeCoversMaterial(scope, code)).map((scope) => scope.id))));
    return ids;
  };
  return (event, before, after) => {
    const codes = materialsTouched(event, before, after);
    return scopes.filter((scope) => codes.some((code) => scopesCovering(code).has(scope.id)));
  };
}
