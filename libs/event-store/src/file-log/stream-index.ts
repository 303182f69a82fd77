/** Stream names are stored in pages this large, so the store never copies them all to grow. */
const NAME_PAGE_BYTES = 1 << 20;

/**
 * Where each stream's events sit in the log. It lives in memory for the whole log, so it is kept compact
 * and off the JavaScript heap (typed arrays only), where its size does not make the garbage collector let
 * the heap grow: per event its position and the index of the previous event of the same stream; per stream
 * its name (one byte per character when all are Latin-1, two otherwise, in pages), the hash of the name,
 * its last event and its event count; and an open-addressing table from name hash to stream. About 12 bytes
 * per event and 30 bytes plus the name per stream.
 */
export class StreamIndex {
  private streams = 0;
  private events = 0;
  private readonly namePages: Uint8Array[] = [new Uint8Array(NAME_PAGE_BYTES)];
  private pageUsed = 0;
  /** Page * NAME_PAGE_BYTES + offset of each name. */
  private nameStart = new Float64Array(1024);
  /** Characters of each name, negative when stored two bytes per character. */
  private nameLength = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private lastEvent = new Int32Array(1024);
  private counts = new Int32Array(1024);
  /** Stream number + 1 per bucket, 0 when empty; at most half full. */
  private table = new Int32Array(2048);
  private positions = new Float64Array(4096);
  private previous = new Int32Array(4096);

  get eventCount(): number {
    return this.events;
  }

  get streamCount(): number {
    return this.streams;
  }

  /** Revision of the stream's last event, -1 when the stream has none. */
  lastRevision(streamName: string): number {
    const stream = this.find(streamName, hashOf(streamName));
    return stream < 0 ? -1 : this.counts[stream] - 1;
  }

  /** Records the next event of a stream at `position`. */
  add(streamName: string, position: number): void {
    const hash = hashOf(streamName);
    let stream = this.find(streamName, hash);
    if (stream < 0) stream = this.addStream(streamName, hash);
    if (this.events === this.positions.length) {
      this.positions = grown(this.positions, this.events * 2);
      this.previous = grown(this.previous, this.events * 2);
    }
    this.positions[this.events] = position;
    this.previous[this.events] = this.lastEvent[stream];
    this.lastEvent[stream] = this.events++;
    this.counts[stream]++;
  }

  /** Positions of the stream's revisions from `from`, at most `maxCount`, in revision order. */
  positionsOf(streamName: string, from = 0, maxCount = Number.POSITIVE_INFINITY): number[] {
    const stream = this.find(streamName, hashOf(streamName));
    if (stream < 0) return [];
    const end = Math.min(this.counts[stream], from + maxCount);
    const found: number[] = [];
    let event = this.lastEvent[stream];
    for (let revision = this.counts[stream] - 1; revision >= from && event >= 0; revision--) {
      if (revision < end) found.push(this.positions[event]);
      event = this.previous[event];
    }
    return found.reverse();
  }

  positionAt(streamName: string, revision: number): number | undefined {
    return this.positionsOf(streamName, revision, 1)[0];
  }

  private find(streamName: string, hash: number): number {
    const mask = this.table.length - 1;
    for (let bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
      const stream = this.table[bucket] - 1;
      if (stream < 0) return -1;
      if (this.hashes[stream] === hash && this.nameIs(stream, streamName)) return stream;
    }
  }

  private nameIs(stream: number, streamName: string): boolean {
    const length = this.nameLength[stream];
    if (Math.abs(length) !== streamName.length) return false;
    const page = this.namePages[Math.floor(this.nameStart[stream] / NAME_PAGE_BYTES)];
    const start = this.nameStart[stream] % NAME_PAGE_BYTES;
    if (length >= 0) {
      for (let unit = 0; unit < length; unit++) if (page[start + unit] !== streamName.charCodeAt(unit)) return false;
      return true;
    }
    for (let unit = 0; unit < -length; unit++) {
      if (((page[start + 2 * unit] << 8) | page[start + 2 * unit + 1]) !== streamName.charCodeAt(unit)) return false;
    }
    return true;
  }

  /** Copies the name into the current page (a new one when it does not fit); returns where it starts. */
  private storeName(streamName: string): { start: number; length: number } {
    let narrow = true;
    for (let unit = 0; unit < streamName.length && narrow; unit++) narrow = streamName.charCodeAt(unit) < 256;
    const bytes = narrow ? streamName.length : 2 * streamName.length;
    if (this.pageUsed + bytes > NAME_PAGE_BYTES) {
      this.namePages.push(new Uint8Array(NAME_PAGE_BYTES));
      this.pageUsed = 0;
    }
    const page = this.namePages[this.namePages.length - 1];
    const at = this.pageUsed;
    for (let unit = 0; unit < streamName.length; unit++) {
      const code = streamName.charCodeAt(unit);
      if (narrow) page[at + unit] = code;
      else {
        page[at + 2 * unit] = code >> 8;
        page[at + 2 * unit + 1] = code & 0xff;
      }
    }
    this.pageUsed += bytes;
    return { start: (this.namePages.length - 1) * NAME_PAGE_BYTES + at, length: narrow ? streamName.length : -streamName.length };
  }

  private addStream(streamName: string, hash: number): number {
    const stream = this.streams++;
    if (stream === this.counts.length) this.growStreams();
    const { start, length } = this.storeName(streamName);
    this.nameStart[stream] = start;
    this.nameLength[stream] = length;
    this.hashes[stream] = hash;
    this.lastEvent[stream] = -1;
    if (this.streams * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(stream);
    return stream;
  }

  private place(stream: number): void {
    const mask = this.table.length - 1;
    let bucket = this.hashes[stream] & mask;
    while (this.table[bucket] !== 0) bucket = (bucket + 1) & mask;
    this.table[bucket] = stream + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let stream = 0; stream < this.streams; stream++) this.place(stream);
  }

  private growStreams(): void {
    const size = this.counts.length * 2;
    this.nameStart = grown(this.nameStart, size);
    this.nameLength = grown(this.nameLength, size);
    this.hashes = grown(this.hashes, size);
    this.lastEvent = grown(this.lastEvent, size);
    this.counts = grown(this.counts, size);
  }
}

/** FNV-1a over the UTF-16 code units of the name. */
function hashOf(streamName: string): number {
  let hash = 0x811c9dc5;
  for (let unit = 0; unit < streamName.length; unit++) hash = Math.imul(hash ^ streamName.charCodeAt(unit), 0x01000193);
  return hash | 0;
}

function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
