import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { EventStore } from '@imera/event-sourcing';
import { encodeEvent, encodeHeader, RecordedHistoryHeader, RecordedHistorySource } from '@imera/domain/exercises/recorded-history';

export interface ExportSummary {
  readonly eventCount: number;
  readonly firstRecordedAt: string | null;
  readonly lastRecordedAt: string | null;
}

/**
 * Writes the store's whole log, in global order, to a recorded-history file: a first pass counts the events
 * for the header, a second writes them. The file appears under its name only once complete.
 */
export async function exportRecordedHistory(
  store: EventStore,
  out: string,
  source: RecordedHistorySource,
  policy?: RecordedHistoryHeader['policy'],
): Promise<ExportSummary> {
  const summary = await summarise(store);
  const partial = `${out}.partial`;
  const file = createWriteStream(partial, { encoding: 'utf8' });
  try {
    const write = async (line: string) => {
      if (!file.write(`${line}\n`)) await once(file, 'drain');
    };
    await write(encodeHeader({ format: 'imera-events', formatVersion: 1, source, ...summary, ...(policy ? { policy } : {}) }));
    let written = 0;
    for await (const event of store.readAll()) {
      if (written === summary.eventCount) break;
      await write(encodeEvent(event));
      written++;
    }
    if (written !== summary.eventCount) throw new Error(`the store changed during the export: counted ${summary.eventCount} events, read ${written}`);
    file.end();
    await once(file, 'finish');
    await rename(partial, out);
    return summary;
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function summarise(store: EventStore): Promise<ExportSummary> {
  let eventCount = 0;
  let firstRecordedAt: string | null = null;
  let lastRecordedAt: string | null = null;
  for await (const event of store.readAll()) {
    eventCount++;
    firstRecordedAt ??= event.recordedAt;
    lastRecordedAt = event.recordedAt;
  }
  return { eventCount, firstRecordedAt, lastRecordedAt };
}
