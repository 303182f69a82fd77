import { NewEvent } from '@imera/event-sourcing';
import { randomUUID } from 'node:crypto';
import { assertAppendable, decodeEvent, encodeEvent, encodeMetadata, isSystemEvent } from './event-envelope';
import { serverEvent } from './testing/server-events';

const filed: NewEvent = {
  id: randomUUID(),
  type: 'OperatorNotificationFiled',
  schemaVersion: 3,
  data: { material: 'gallium', tonnes: 12.5, sites: ['Stade', 'Salindres'] },
  metadata: { correlationId: 'corr-1', causationId: 'cmd-9', actor: 'ms:DE', exerciseId: 'ex-2026-1', channel: 'portal' },
};

/** What the server gives back for an event we appended: our JSON plus its own bookkeeping. */
function storedAs(event: NewEvent, place: { revision: bigint; commit: bigint }) {
  const data = encodeEvent(event);
  return serverEvent({
    id: data.id,
    type: data.type,
    streamId: 'notification-4f1c',
    revision: place.revision,
    commit: place.commit,
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
  }).event!;
}

describe('the envelope in EventStoreDB metadata', () => {
  it('keeps the schema version and our metadata, and repeats the ids for the server projections', () => {
    expect(encodeMetadata(filed)).toEqual({
      schemaVersion: 3,
      metadata: filed.metadata,
      $correlationId: 'corr-1',
      $causationId: 'cmd-9',
    });
  });

  it('leaves out $causationId when nothing caused the event', () => {
    const { causationId: _, ...metadata } = filed.metadata;
    expect(encodeMetadata({ ...filed, metadata })).not.toHaveProperty('$causationId');
  });

  it('sends JSON with the writer-chosen id and type', () => {
    const data = encodeEvent(filed);
    expect(data).toMatchObject({ id: filed.id, type: 'OperatorNotificationFiled', contentType: 'application/json' });
    expect(data.data).toEqual(filed.data);
  });

  it('reads back exactly what was appended, placed where the server recorded it', () => {
    const recorded = decodeEvent(storedAs(filed, { revision: 4n, commit: 88_123n }));
    expect(recorded).toEqual({
      ...filed,
      streamName: 'notification-4f1c',
      streamRevision: 4,
      globalPosition: 88_123,
      recordedAt: '2026-03-02T09:30:00.000Z',
    });
  });

  it('maps events of other applications as well as their content allows', () => {
    const flat = decodeEvent(
      serverEvent({ metadata: { $correlationId: 'other-7', user: 'etl' }, data: ['a', 'b'] }).event!,
    );
    expect(flat.schemaVersion).toBe(1);
    expect(flat.metadata).toEqual({ user: 'etl', correlationId: 'other-7', actor: 'unknown' });
    expect(flat.data).toEqual({ value: ['a', 'b'] });

    const binary = decodeEvent(serverEvent({ data: Uint8Array.from([1, 2, 3]), metadata: undefined }).event!);
    expect(binary.data).toEqual({ binary: 'AQID' });
    expect(binary.metadata).toEqual({ correlationId: '', actor: 'unknown' });
  });
});

describe('system events', () => {
  it('are recognised by a $ type or a $ stream', () => {
    expect(isSystemEvent({ type: '$>', streamId: '$ce-scope' })).toBe(true);
    expect(isSystemEvent({ type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ type: 'Foreign', streamId: '$$scope-cobalt' })).toBe(true);
    expect(isSystemEvent({ type: 'VigilanceModeActivated', streamId: 'scope-cobalt' })).toBe(false);
  });
});

describe('what may be appended', () => {
  it('accepts distinct lowercase UUID ids on an ordinary stream', () => {
    expect(() => assertAppendable('scope-cobalt', [filed, { ...filed, id: randomUUID() }])).not.toThrow();
  });

  it('refuses what would not read back unchanged or would pose as a system event', () => {
    expect(() => assertAppendable('scope-cobalt', [])).toThrow(/at least one event/);
    expect(() => assertAppendable('scope-cobalt', [filed, filed])).toThrow(/distinct ids/);
    expect(() => assertAppendable('scope-cobalt', [{ ...filed, id: 'notification-1' }])).toThrow(/UUID/);
    expect(() => assertAppendable('scope-cobalt', [{ ...filed, id: filed.id.toUpperCase() }])).toThrow(/lowercase UUID/);
    expect(() => assertAppendable('scope-cobalt', [{ ...filed, type: '$metadata' }])).toThrow(/reserved/);
    expect(() => assertAppendable('$settings', [filed])).toThrow(/system stream/);
  });
});
