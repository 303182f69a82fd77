import { RecordedEvent } from '@imera/event-sourcing';

/**
 * The scope an event names, if any: `data.scopeId` (mode events, some instrument events), else
 * `metadata.scopeId` (the response instruments name their scope there on every event, also on follow-ups
 * such as an acceptance whose data does not repeat it).
 */
export function scopeIdOf(event: Pick<RecordedEvent, 'data' | 'metadata'>): string | undefined {
  return scopeIdIn(event.data) ?? scopeIdIn(event.metadata);
}

function scopeIdIn(part: unknown): string | undefined {
  const scopeId = (part as { scopeId?: unknown } | undefined)?.scopeId;
  return typeof scopeId === 'string' && scopeId.length > 0 ? scopeId : undefined;
}
