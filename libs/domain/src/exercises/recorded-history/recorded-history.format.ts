import { z } from 'zod';
import { EventMetadata, RecordedEvent } from '@imera/event-sourcing';

/**
 * The portable file of recorded history (`npm run events:export`): JSON Lines, the first line a header,
 * then one stored event per line in the order of the whole log. Every line is a complete JSON object, so
 * a reader can stream it and an error can name the line at fault.
 */
export const RECORDED_HISTORY_FORMAT = 'imera-events';
export const RECORDED_HISTORY_FORMAT_VERSION = 1;

const instant = z.iso.datetime({ offset: true });

const source = z.strictObject({
  /** `live` for the system's own store, `exercise` for an exercise namespace's store. */
  kind: z.enum(['live', 'exercise']),
  exerciseId: z.string().min(1).optional(),
});

const header = z.strictObject({
  format: z.literal(RECORDED_HISTORY_FORMAT),
  formatVersion: z.literal(RECORDED_HISTORY_FORMAT_VERSION),
  source,
  eventCount: z.number().int().min(0),
  firstRecordedAt: instant.nullable(),
  lastRecordedAt: instant.nullable(),
  /** The escalation policy the recording system ran with, when the exporter knew it: replay's default. */
  policy: z.strictObject({ ref: z.string().min(1), source: z.string().min(1), document: z.record(z.string(), z.unknown()) }).optional(),
});

const envelope = z.strictObject({
  position: z.number().int().min(0),
  id: z.string().min(1),
  stream: z.string().min(1),
  revision: z.number().int().min(0),
  type: z.string().min(1),
  schemaVersion: z.number().int().min(1),
  data: z.record(z.string(), z.unknown()),
  // A record keeps the keys in their stored order, so a file decoded and encoded again is the same bytes.
  metadata: z.record(z.string(), z.unknown()).superRefine((metadata, context) => {
    for (const key of ['correlationId', 'actor'])
      if (typeof metadata[key] !== 'string') context.addIssue({ code: 'custom', path: [key], message: 'a string is required' });
    for (const key of ['causationId', 'exerciseId'])
      if (metadata[key] !== undefined && typeof metadata[key] !== 'string') context.addIssue({ code: 'custom', path: [key], message: 'must be a string' });
  }),
  recordedAt: instant,
});

export type RecordedHistoryHeader = z.infer<typeof header>;
export type RecordedHistorySource = z.infer<typeof source>;

export interface RecordedHistory {
  readonly header: RecordedHistoryHeader;
  readonly events: readonly RecordedEvent[];
}

/** A file that is not valid recorded history; `line` is 1-based. */
export class RecordedHistoryFormatError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'RecordedHistoryFormatError';
  }
}

/** The header line (no newline), with its keys in a fixed order. */
export function encodeHeader(value: RecordedHistoryHeader): string {
  const checked = header.parse(value);
  return JSON.stringify({
    format: checked.format,
    formatVersion: checked.formatVersion,
    source: checked.source,
    eventCount: checked.eventCount,
    firstRecordedAt: checked.firstRecordedAt,
    lastRecordedAt: checked.lastRecordedAt,
    ...(checked.policy ? { policy: checked.policy } : {}),
  });
}

/** One event's line (no newline), with its keys in a fixed order. */
export function encodeEvent(event: RecordedEvent): string {
  return JSON.stringify({
    position: event.globalPosition,
    id: event.id,
    stream: event.streamName,
    revision: event.streamRevision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  });
}

/** The whole file: header, events, a final newline. For large stores write the lines one by one instead. */
export function encodeRecordedHistory(history: RecordedHistory): string {
  return [encodeHeader(history.header), ...history.events.map(encodeEvent)].map((line) => `${line}\n`).join('');
}

/**
 * Reads a whole file and checks it: the header, every line's shape, global order (positions strictly
 * increasing), each stream's revisions without gaps, no event id twice, and the header's count.
 * @throws RecordedHistoryFormatError naming the first line at fault.
 */
export function decodeRecordedHistory(text: string): RecordedHistory {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new RecordedHistoryFormatError(1, 'the file is empty: expected a header line');
  const decoder = new RecordedHistoryDecoder(lines[0]);
  for (let index = 1; index < lines.length; index++) decoder.add(lines[index], index + 1);
  return { header: decoder.header, events: decoder.finish(lines.length) };
}

/** Line-by-line decoding, for readers that stream the file. */
export class RecordedHistoryDecoder {
  readonly header: RecordedHistoryHeader;
  private readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private readonly ids = new Set<string>();
  private lastPosition = -1;

  constructor(headerLine: string) {
    this.header = parseLine(header, headerLine, 1, 'header');
  }

  add(line: string, lineNumber: number): void {
    const parsed = parseLine(envelope, line, lineNumber, 'event');
    if (parsed.position <= this.lastPosition)
      throw new RecordedHistoryFormatError(lineNumber, `position ${parsed.position} does not follow ${this.lastPosition}: events must be in global order`);
    const expected = (this.revisions.get(parsed.stream) ?? -1) + 1;
    if (parsed.revision !== expected)
      throw new RecordedHistoryFormatError(lineNumber, `revision ${parsed.revision} of stream ${parsed.stream}: expected ${expected}`);
    if (this.ids.has(parsed.id)) throw new RecordedHistoryFormatError(lineNumber, `event id ${parsed.id} appears twice`);
    this.lastPosition = parsed.position;
    this.revisions.set(parsed.stream, parsed.revision);
    this.ids.add(parsed.id);
    this.events.push({
      id: parsed.id,
      type: parsed.type,
      schemaVersion: parsed.schemaVersion,
      data: parsed.data,
      metadata: parsed.metadata as unknown as EventMetadata,
      streamName: parsed.stream,
      streamRevision: parsed.revision,
      globalPosition: parsed.position,
      recordedAt: parsed.recordedAt,
    });
  }

  /** `lastLine`: the file's last line number, named when the count does not match. */
  finish(lastLine: number): RecordedEvent[] {
    if (this.events.length !== this.header.eventCount)
      throw new RecordedHistoryFormatError(lastLine, `the header announces ${this.header.eventCount} events, the file holds ${this.events.length}`);
    return this.events;
  }
}

function parseLine<T>(schema: z.ZodType<T>, line: string, lineNumber: number, what: string): T {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.trim() === '') throw new RecordedHistoryFormatError(lineNumber, `empty line: expected the ${what}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RecordedHistoryFormatError(lineNumber, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : what}: ${issue.message}`);
    throw new RecordedHistoryFormatError(lineNumber, `${what} is malformed: ${problems.join('; ')}`);
  }
  return result.data;
}
