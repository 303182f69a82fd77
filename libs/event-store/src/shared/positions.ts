import { RecordedEvent } from '@imera/event-sourcing';

/** Events of an in-memory log (positions are indexes) strictly after `after`. */
export function sliceAfter(log: readonly RecordedEvent[], after: number | undefined, maxCount?: number): RecordedEvent[] {
  const start = after === undefined ? 0 : after + 1;
  return log.slice(start, maxCount === undefined ? undefined : start + maxCount);
}
