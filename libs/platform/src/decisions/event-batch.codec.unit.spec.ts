import { IncomingMessage, PoisonMessageError } from '@imera/messaging';
import { decodeEventBatch, encodeEventBatch } from './event-batch.codec';
import { canonicalJson, deterministicEventId, fingerprint } from './deterministic-id';

const message = (value: string): IncomingMessage => ({ topic: 't', partition: 0, offset: '0', key: 'gallium', value: Buffer.from(value), headers: {} });

const validBatch = {
  streamName: 'notification-3f1c2a4e-8d7b-4c1e-9a55-0a6b3c2d1e0f',
  expectedRevision: 'no-stream' as const,
  events: [{ id: '8f4b1c3e-2a9d-4e7f-8b6a-1c2d3e4f5a6b', type: 'OperatorNotificationFiled', schemaVersion: 1, data: { a: 1 }, metadata: { correlationId: 'c', actor: 'ms:DE' } }],
};

function poisonReason(value: string): string {
  try {
    decodeEventBatch(message(value));
  } catch (error) {
    expect(error).toBeInstanceOf(PoisonMessageError);
    return (error as PoisonMessageError).reason;
  }
  throw new Error('expected a poison message');
}

describe('event batch codec', () => {
  it('round-trips a batch', () => {
    expect(decodeEventBatch(message(encodeEventBatch(validBatch)))).toEqual(validBatch);
  });

  it('calls undecodable and malformed batches poison, saying what is wrong', () => {
    expect(poisonReason('{not json')).toMatch(/not JSON/);
    expect(poisonReason('[]')).toMatch(/not an object/);
    expect(poisonReason(JSON.stringify({ ...validBatch, streamName: 'no dash' }))).toMatch(/streamName/);
    expect(poisonReason(JSON.stringify({ ...validBatch, expectedRevision: -3 }))).toMatch(/expectedRevision/);
    expect(poisonReason(JSON.stringify({ ...validBatch, events: [] }))).toMatch(/1 to 100 events/);
    const badEvent = { ...validBatch.events[0], id: 'x', metadata: {} };
    const reason = poisonReason(JSON.stringify({ ...validBatch, events: [badEvent] }));
    expect(reason).toMatch(/events.0: id must be a uuid/);
    expect(reason).toMatch(/events.0: metadata needs correlationId and actor/);
  });

  it('calls a batch nested deeper than the bound poison, however deep, instead of failing while storing it', () => {
    const batchWithData = (data: string) => JSON.stringify(validBatch).replace('{"a":1}', data);
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    // batch, events list and event object are 3 levels around the data
    expect(decodeEventBatch(message(batchWithData(nested(29)))).events[0].data).toEqual(JSON.parse(nested(29)));
    expect(poisonReason(batchWithData(nested(30)))).toMatch(/nested too deep: more than 32 levels/);
    expect(poisonReason(batchWithData(nested(50_000)))).toMatch(/nested too deep/);
    expect(poisonReason(batchWithData(`${'['.repeat(50_000)}${']'.repeat(50_000)}`))).toMatch(/nested too deep/);
  });

  it('calls a batch larger than the bound poison before parsing it', () => {
    const big = JSON.stringify({ ...validBatch, events: [{ ...validBatch.events[0], data: { text: 'x'.repeat(2_000) } }] });
    expect(() => decodeEventBatch(message(big), { maxDepth: 32, maxBytes: big.length })).not.toThrow();
    let reason = '';
    try {
      decodeEventBatch(message(big), { maxDepth: 32, maxBytes: big.length - 1 });
    } catch (error) {
      reason = (error as PoisonMessageError).reason;
    }
    expect(reason).toBe(`batch too large: ${big.length} bytes, at most ${big.length - 1}`);
  });
});

describe('deterministic ids and fingerprints', () => {
  it('gives the same uuid for the same parts and another for other parts', () => {
    const id = deterministicEventId('notification', 'abc', 'filed');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('notification', 'abc', 'filed')).toBe(id);
    expect(deterministicEventId('notification', 'abd', 'filed')).not.toBe(id);
    expect(deterministicEventId('notification', 'ab', 'cfiled')).not.toBe(id);
  });

  it('fingerprints JSON independently of key order and undefined fields', () => {
    expect(fingerprint({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(fingerprint({ a: { c: 'x', d: [1, 2] }, b: 1, e: undefined }));
    expect(fingerprint({ a: [1, 2] })).not.toBe(fingerprint({ a: [2, 1] }));
    expect(canonicalJson({ b: 2, a: 1 })).toBe('{"a":1,"b":2}');
  });
});
