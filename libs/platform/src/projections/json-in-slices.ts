/**
 * A record that only grows (keys are added, values never change), seen as it stood when `keys` was taken:
 * a snapshot of it costs a copy of the key list, not of the record. It serialises as that record did.
 */
export class GrowingRecordView<V> {
  constructor(
    private readonly record: Readonly<Record<string, V>>,
    readonly keys: readonly string[],
  ) {}

  valueAt(key: string): V {
    return this.record[key];
  }

  toJSON(): Record<string, V> {
    return Object.fromEntries(this.keys.map((key) => [key, this.record[key]]));
  }
}

export type JsonChunkWrite = (chunk: string) => Promise<void>;

/** About 256 KB of JSON a turn: well under a millisecond of serialising. */
export const DEFAULT_SLICE_CHARS = 256 * 1024;
/** A container with more entries than this is written entry by entry; a smaller one whole, unless it holds a larger one. */
const MANY = 32;
/** The top levels (a snapshot's envelope, its state and the state's parts) are always written entry by entry. */
const ALWAYS_OPENED_DEPTH = 3;
/** How far below a small container a large one is looked for. */
const LOOK_AHEAD_LEVELS = 2;

/**
 * Writes the same text as `JSON.stringify(value)` in chunks of about `sliceChars`, awaiting each write, so a
 * large state is serialised over many turns of the event loop instead of holding it for one long one.
 * The value must not change until the returned promise settles (a snapshot is taken for that).
 */
export async function writeJsonInSlices(value: unknown, write: JsonChunkWrite, sliceChars = DEFAULT_SLICE_CHARS): Promise<void> {
  const out = new SliceBuffer(write, sliceChars);
  const root = jsonValueOf(value, '');
  if (isSkipped(root)) throw new Error('Nothing to write: the value has no JSON form');
  await writeValue(root, 0, out);
  await out.flush();
}

class SliceBuffer {
  private parts: string[] = [];
  private chars = 0;

  constructor(private readonly write: JsonChunkWrite, private readonly sliceChars: number) {}

  push(part: string): void {
    this.parts.push(part);
    this.chars += part.length;
  }

  get full(): boolean {
    return this.chars >= this.sliceChars;
  }

  async flush(): Promise<void> {
    if (this.chars === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    await this.write(chunk);
  }
}

async function writeValue(value: unknown, depth: number, out: SliceBuffer): Promise<void> {
  if (value instanceof GrowingRecordView) return writeEntries(value.keys, (key) => value.valueAt(key), depth, out);
  if (!opened(value, depth)) return out.push(JSON.stringify(value));
  if (Array.isArray(value)) return writeArray(value, depth, out);
  const record = value as Record<string, unknown>;
  return writeEntries(Object.keys(record), (key) => record[key], depth, out);
}

async function writeArray(items: readonly unknown[], depth: number, out: SliceBuffer): Promise<void> {
  out.push('[');
  for (let at = 0; at < items.length; at++) {
    if (at > 0) out.push(',');
    const item = jsonValueOf(items[at], String(at));
    if (isSkipped(item)) out.push('null');
    else await writeValue(item, depth + 1, out);
    if (out.full) await out.flush();
  }
  out.push(']');
}

async function writeEntries(keys: readonly string[], valueOf: (key: string) => unknown, depth: number, out: SliceBuffer): Promise<void> {
  out.push('{');
  let first = true;
  for (const key of keys) {
    const entry = jsonValueOf(valueOf(key), key);
    if (isSkipped(entry)) continue;
    out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    await writeValue(entry, depth + 1, out);
    if (out.full) await out.flush();
  }
  out.push('}');
}

/** What `JSON.stringify` writes for a value: its `toJSON()` when it has one (dates), except a growing record's view. */
function jsonValueOf(value: unknown, key: string): unknown {
  if (value instanceof GrowingRecordView) return value;
  const withToJson = value as { toJSON?: (key: string) => unknown } | null;
  return withToJson !== null && typeof withToJson === 'object' && typeof withToJson.toJSON === 'function' ? withToJson.toJSON(key) : value;
}

/** Left out of an object and written as null in an array, as `JSON.stringify` does. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Whether a container is written entry by entry (so a slice can end inside it) or with one `JSON.stringify`. */
function opened(value: unknown, depth: number): boolean {
  if (!isContainer(value)) return false;
  return depth < ALWAYS_OPENED_DEPTH || sizeOf(value) > MANY || holdsLarge(value, LOOK_AHEAD_LEVELS);
}

/** Whether a large container sits within `levels` below this one (a scope's record holding its timeline). */
function holdsLarge(container: object, levels: number): boolean {
  if (levels === 0 || container instanceof GrowingRecordView) return false;
  const children = Array.isArray(container) ? container : Object.values(container);
  return children.some((child) => isContainer(child) && (sizeOf(child) > MANY || holdsLarge(child, levels - 1)));
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function sizeOf(container: object): number {
  if (container instanceof GrowingRecordView) return container.keys.length;
  return Array.isArray(container) ? container.length : Object.keys(container).length;
}
