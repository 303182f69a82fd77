import { RecordedEvent } from '@imera/event-sourcing';
import {
  decodeRecordedHistory,
  encodeEvent,
  encodeHeader,
  encodeRecordedHistory,
  RecordedHistory,
  RecordedHistoryFormatError,
  RecordedHistoryHeader,
} from './recorded-history.format';

const event = (position: number, streamName: string, streamRevision: number, overrides: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: `evt-${position}`,
  type: 'OperatorNotificationFiled',
  schemaVersion: 1,
  data: { notificationId: `n-${position}`, impact: { capacityShareAffected: 0.6 }, materials: ['dysprosium'] },
  metadata: { correlationId: `c-${position}`, actor: 'authority-de', requestFingerprint: 'f' },
  streamName,
  streamRevision,
  globalPosition: position,
  recordedAt: `2025-04-1${position % 10}T08:00:00.000Z`,
  ...overrides,
});

const events = [event(0, 'notification-a', 0), event(3, 'exportControl-x', 0), event(7, 'notification-a', 1)];
const header: RecordedHistoryHeader = {
  format: 'imera-events',
  formatVersion: 1,
  source: { kind: 'live' },
  eventCount: events.length,
  firstRecordedAt: events[0].recordedAt,
  lastRecordedAt: events[2].recordedAt,
};
const history: RecordedHistory = { header, events };

/** The file with one line replaced (1-based). */
function withLine(lineNumber: number, replace: (line: string) => string): string {
  const lines = encodeRecordedHistory(history).split('\n');
  lines[lineNumber - 1] = replace(lines[lineNumber - 1]);
  return lines.join('\n');
}

function errorOf(text: string): RecordedHistoryFormatError {
  try {
    decodeRecordedHistory(text);
  } catch (error) {
    if (error instanceof RecordedHistoryFormatError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('recorded history file format', () => {
  it('round-trips: decoding an encoded history gives back the same header and events', () => {
    const text = encodeRecordedHistory(history);
    expect(decodeRecordedHistory(text)).toEqual(history);
    expect(encodeRecordedHistory(decodeRecordedHistory(text))).toBe(text);
  });

  it('writes one JSON object per line, the header first, keys in a fixed order', () => {
    const lines = encodeRecordedHistory(history).split('\n');
    expect(lines).toHaveLength(events.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(['format', 'formatVersion', 'source', 'eventCount', 'firstRecordedAt', 'lastRecordedAt']);
    expect(Object.keys(JSON.parse(lines[1]))).toEqual(['position', 'id', 'stream', 'revision', 'type', 'schemaVersion', 'data', 'metadata', 'recordedAt']);
    const reordered = { ...events[1], recordedAt: events[1].recordedAt, id: events[1].id };
    expect(encodeEvent(reordered)).toBe(lines[2]);
  });

  it('keeps the policy the recording ran with in the header', () => {
    const withPolicy = { ...header, policy: { ref: 'default-policy@1', source: 'config/policy/default-policy.v1.json', document: { policy: 'default-policy', version: 1 } } };
    const text = [encodeHeader(withPolicy), ...events.map(encodeEvent)].join('\n');
    expect(decodeRecordedHistory(text).header.policy).toEqual(withPolicy.policy);
  });

  it('reads an empty store: a header that counts no events', () => {
    const empty = { ...header, eventCount: 0, firstRecordedAt: null, lastRecordedAt: null };
    expect(decodeRecordedHistory(encodeHeader(empty))).toEqual({ header: empty, events: [] });
  });

  it('names the line of a corrupt event: not JSON', () => {
    const error = errorOf(withLine(3, (line) => line.slice(0, 40)));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^line 3: not valid JSON/);
  });

  it('names the line and the field of an event of the wrong shape', () => {
    const error = errorOf(withLine(4, (line) => line.replace('"revision":1', '"revision":"one"').replace('"recordedAt":"2025-04-17T08:00:00.000Z"', '"recordedAt":"yesterday"')));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/line 4: event is malformed: revision: .*; recordedAt: /);
  });

  it('refuses a header of another format or version, on line 1', () => {
    expect(errorOf(withLine(1, (line) => line.replace('"formatVersion":1', '"formatVersion":2'))).message).toMatch(/^line 1: header is malformed: formatVersion/);
    expect(errorOf(withLine(1, (line) => line.replace('imera-events', 'csv'))).line).toBe(1);
    expect(errorOf('').message).toBe('line 1: the file is empty: expected a header line');
  });

  it('refuses events out of global order, gaps in a stream, an event twice, and a blank line', () => {
    expect(errorOf(withLine(3, (line) => line.replace('"position":3', '"position":0'))).message).toBe(
      'line 3: position 0 does not follow 0: events must be in global order',
    );
    expect(errorOf(withLine(4, (line) => line.replace('"revision":1', '"revision":2'))).message).toBe('line 4: revision 2 of stream notification-a: expected 1');
    expect(errorOf(withLine(4, (line) => line.replace('"id":"evt-7"', '"id":"evt-0"'))).message).toBe('line 4: event id evt-0 appears twice');
    expect(errorOf(withLine(3, () => '')).message).toBe('line 3: empty line: expected the event');
  });

  it('refuses a file whose events do not match the count in its header, naming its last line', () => {
    const truncated = encodeRecordedHistory(history).split('\n').slice(0, 3).join('\n');
    expect(errorOf(truncated).message).toBe('line 3: the header announces 3 events, the file holds 2');
  });

  it('accepts Windows line ends', () => {
    expect(decodeRecordedHistory(encodeRecordedHistory(history).replace(/\n/g, '\r\n'))).toEqual(history);
  });
});
