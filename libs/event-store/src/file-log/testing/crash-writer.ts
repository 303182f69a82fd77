/**
 * Child process for the kill -9 test: appends to the file log as fast as it can from many concurrent
 * writers and reports on stdout, one line each, what it is about to append ("try <id>") and what the store
 * acknowledged ("ack <id>"). Stdout to a pipe is synchronous on Linux, so a line printed is a line the
 * parent will read even if this process is killed right after.
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { NewEvent } from '@imera/event-sourcing';
import { FileLogEventStore } from '../file-log-event-store.adapter';

const [dir, cycleArg, writersArg] = process.argv.slice(2);
const cycle = Number(cycleArg);
const writers = Number(writersArg ?? 16);

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

function eventFor(writer: number, sequence: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'CrashTestEventAppended',
    schemaVersion: 1,
    data: { cycle, writer, sequence, padding: 'x'.repeat(64 + ((writer * 31 + sequence) % 200)) },
    metadata: { correlationId: randomUUID(), actor: 'crash-writer' },
  };
}

async function writeForever(store: FileLogEventStore, writer: number): Promise<never> {
  const stream = `crashTest-w${writer}`;
  let revision = await store.streamRevision(stream);
  for (let sequence = 0; ; sequence++) {
    const batch = Array.from({ length: 1 + (sequence % 3) }, (_, index) => eventFor(writer, sequence * 3 + index));
    say(`try ${batch.map((event) => event.id).join(' ')}`);
    const result = await store.appendToStream(stream, batch, { expectedRevision: revision < 0 ? 'no-stream' : revision });
    say(`ack ${batch.map((event) => event.id).join(' ')}`);
    revision = result.nextExpectedRevision;
  }
}

async function main(): Promise<void> {
  const store = await FileLogEventStore.open({ dir });
  say(`ready ${store.recovery.eventsIndexed} ${store.recovery.bytesTruncated}`);
  await Promise.all(Array.from({ length: writers }, (_, writer) => writeForever(store, writer)));
}

main().catch((error: unknown) => {
  say(`error ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
