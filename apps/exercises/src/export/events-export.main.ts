#!/usr/bin/env node
// Exports the event store (the live one, or an exercise namespace's) to a portable recorded-history file:
// JSON Lines, a header then one event per line in global order. The file log must not be held by a running
// system. Usage: npm run events:export -- --out <file> [--data-dir <dir>] [--exercise <id>]
import 'reflect-metadata';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadAppConfig } from '@imera/platform';
import { exportRecordedHistory } from './export-recorded-history';
import { livePolicy } from './live-policy';
import { openSourceStore } from './open-source-store';

interface Options {
  readonly out: string;
  readonly dataDir?: string;
  readonly exercise?: string;
}

async function main(options: Options): Promise<number> {
  const env = options.dataDir ? { ...process.env, DATA_DIR: options.dataDir } : process.env;
  const config = loadAppConfig(env);
  const { store, source, detail } = await openSourceStore({ config, exerciseId: options.exercise });
  try {
    process.stderr.write(`event store: ${detail}\n`);
    // The live system's policy, as this environment configures it: what replay uses unless told otherwise.
    // An exercise's policy is not in its store, so its export names none.
    const policy = options.exercise === undefined ? livePolicy(env) : undefined;
    const started = Date.now();
    const summary = await exportRecordedHistory(store, resolve(options.out), source, policy);
    process.stdout.write(`${JSON.stringify({ out: resolve(options.out), ...summary, policy: policy?.ref ?? null, milliseconds: Date.now() - started })}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

new Command()
  .name('events:export')
  .description('Export the event store to a portable recorded-history file (JSON Lines)')
  .requiredOption('--out <file>', 'the file to write')
  .option('--data-dir <dir>', 'the data directory (default: $DATA_DIR or ./data)')
  .option('--exercise <id>', "export this exercise namespace's store ($DATA_DIR/exercises/<id>/) instead of the live one")
  .action(async (options: Options) => {
    process.exitCode = await main(options).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    });
  })
  .parse();
