import {
  AllStreamRecordedEvent,
  EventData,
  jsonEvent,
  JSONType,
  RecordedEvent as ServerRecordedEvent,
} from '@eventstore/db-client';
import { EventMetadata, NewEvent, RecordedEvent } from '@imera/event-sourcing';
import { toGlobalPosition } from './log-position';
import { toSafeNumber } from './revision-mapping';

/**
 * What we keep in an EventStoreDB event's metadata JSON. Our own metadata sits under one key so it cannot
 * collide with the envelope; the correlation and causation ids are repeated under the names the server's
 * own projections read (`$by_correlation_id` uses `$correlationId`).
 */
export interface StoredMetadata {
  readonly schemaVersion: number;
  readonly metadata: EventMetadata;
  readonly $correlationId: string;
  readonly $causationId?: string;
}

/** The server returns ids in lowercase canonical form; anything else would not read back equal. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Refuses what the server would refuse later or store in a way that does not read back unchanged. */
export function assertAppendable(streamName: string, events: readonly NewEvent[]): void {
  if (streamName.startsWith('$')) throw new Error(`"${streamName}" is a system stream name; ours never start with $`);
  if (events.length === 0) throw new Error('An append needs at least one event');
  const ids = new Set<string>();
  for (const event of events) {
    if (!CANONICAL_UUID.test(event.id)) {
      throw new Error(`Event id "${event.id}" must be a lowercase UUID: EventStoreDB stores ids as UUIDs`);
    }
    if (event.type.startsWith('$')) throw new Error(`Event type "${event.type}" is reserved for system events`);
    ids.add(event.id);
  }
  if (ids.size !== events.length) throw new Error('Events of one append must have distinct ids');
}

export function encodeMetadata(event: NewEvent): StoredMetadata {
  const { correlationId, causationId } = event.metadata;
  return {
    schemaVersion: event.schemaVersion,
    metadata: event.metadata,
    $correlationId: correlationId,
    ...(causationId === undefined ? {} : { $causationId: causationId }),
  };
}

export function encodeEvent(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: encodeMetadata(event) as unknown as JSONType,
  });
}

/** System events (`$`-prefixed types or streams: links, stats, metadata, projection state) are not ours. */
export function isSystemEvent(event: Pick<ServerRecordedEvent, 'type' | 'streamId'>): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** Maps a stored event back to ours; events written by other applications are mapped as well as they allow. */
export function decodeEvent(event: ServerRecordedEvent | AllStreamRecordedEvent): RecordedEvent {
  const stored = readStoredMetadata(event.metadata);
  return {
    id: event.id,
    type: event.type,
    schemaVersion: stored.schemaVersion,
    data: decodeData(event.data),
    metadata: stored.metadata,
    streamName: event.streamId,
    streamRevision: toSafeNumber(event.revision, 'stream revision'),
    globalPosition: toGlobalPosition(event.position, event.id),
    recordedAt: event.created.toISOString(),
  };
}

function decodeData(data: unknown): Record<string, unknown> {
  if (data instanceof Uint8Array) return { binary: Buffer.from(data).toString('base64') };
  if (isPlainObject(data)) return data;
  return { value: data };
}

function readStoredMetadata(raw: unknown): { schemaVersion: number; metadata: EventMetadata } {
  const outer = isPlainObject(raw) ? raw : {};
  const schemaVersion = Number.isSafeInteger(outer.schemaVersion) ? (outer.schemaVersion as number) : 1;
  // Events not written by this system keep their metadata flat; the server's own keys are dropped.
  const inner = isPlainObject(outer.metadata)
    ? outer.metadata
    : Object.fromEntries(Object.entries(outer).filter(([key]) => !key.startsWith('$') && key !== 'schemaVersion'));
  const correlationId = firstString(inner.correlationId, outer.$correlationId) ?? '';
  const actor = firstString(inner.actor) ?? 'unknown';
  return { schemaVersion, metadata: { ...inner, correlationId, actor } };
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
