/**
 * What the writer believes about the stream before appending.
 * - `no-stream`: the stream must not exist yet;
 * - `any`: no check;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export const NO_STREAM = 'no-stream' as const;
export const ANY = 'any' as const;

/** Revision of a stream with no events, for comparisons. */
export const EMPTY_STREAM_REVISION = -1;

export function describeExpectedRevision(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected;
}

/** Whether a stream whose last revision is `current` (-1 when absent) satisfies `expected`. */
export function satisfiesExpectedRevision(expected: ExpectedRevision, current: number): boolean {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return current === EMPTY_STREAM_REVISION;
  return expected === current;
}
