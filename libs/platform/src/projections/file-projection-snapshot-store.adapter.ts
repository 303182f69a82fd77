import { FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonInSlices } from './json-in-slices';
import { assertProjectionName, ProjectionSnapshotStore, StoredProjectionSnapshot } from './projection-snapshot-store.port';

/**
 * A large checkpoint is synced as it is written, a few megabytes at a time: one sync of hundreds of megabytes
 * at the end would hold up the event log's own syncs (every acknowledged append) for as long as it takes.
 */
const SYNC_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * Snapshots as JSON files, one per projection: `<dir>/<name>.json`. A save writes a temporary file, syncs
 * it, renames it over the old one and syncs the directory, so after a crash the file is either the previous
 * snapshot or the new one. An unreadable file is treated as absent: the projection rebuilds from the log.
 */
export class FileProjectionSnapshotStore implements ProjectionSnapshotStore {
  constructor(private readonly dir: string) {}

  async load(projection: string): Promise<StoredProjectionSnapshot | undefined> {
    assertProjectionName(projection);
    let text: string;
    try {
      text = await readFile(this.pathOf(projection), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = parseSnapshot(text);
    return parsed?.projection === projection ? parsed : undefined;
  }

  /** Writes the JSON in slices (json-in-slices.ts): a large state does not hold the event loop while it is saved. */
  async save(snapshot: StoredProjectionSnapshot): Promise<void> {
    assertProjectionName(snapshot.projection);
    await mkdir(this.dir, { recursive: true });
    const target = this.pathOf(snapshot.projection);
    const temporary = `${target}.${process.pid}.tmp`;
    const file = await open(temporary, 'w');
    try {
      let unsynced = 0;
      await writeJsonInSlices(snapshot, async (chunk) => {
        const bytes = Buffer.from(chunk, 'utf8');
        await appendFully(file, bytes);
        unsynced += bytes.length;
        if (unsynced < SYNC_EVERY_BYTES) return;
        unsynced = 0;
        await file.datasync();
      });
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
    await syncDirectory(this.dir);
  }

  async remove(projection: string): Promise<void> {
    assertProjectionName(projection);
    await rm(this.pathOf(projection), { force: true });
  }

  private pathOf(projection: string): string {
    return join(this.dir, `${projection}.json`);
  }
}

function parseSnapshot(text: string): StoredProjectionSnapshot | undefined {
  try {
    const value = JSON.parse(text) as Partial<StoredProjectionSnapshot>;
    const wellFormed =
      typeof value.projection === 'string' &&
      typeof value.version === 'string' &&
      Number.isInteger(value.position) &&
      typeof value.lastEvent?.id === 'string' &&
      typeof value.lastEvent.streamName === 'string' &&
      Number.isInteger(value.lastEvent.streamRevision) &&
      value.state !== undefined;
    return wellFormed ? (value as StoredProjectionSnapshot) : undefined;
  } catch {
    return undefined;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function appendFully(file: FileHandle, bytes: Buffer): Promise<void> {
  for (let written = 0; written < bytes.length; ) {
    written += (await file.write(bytes, written, bytes.length - written)).bytesWritten;
  }
}
