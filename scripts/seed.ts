#!/usr/bin/env node
// Loads the 2023-2025 Chinese export-control measures and their suspensions into a running system through
// its API, as a Commission analyst. Safe to run again: what is already recorded is reported, not repeated.
// Usage: npm run seed [-- --url http://127.0.0.1:3000] [--file apps/intake/seed/export-controls-cn.v1.json]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadOrCreateSigningKey, TokenIssuer } from '@imera/auth';
import { loadAuthConfig } from '@imera/platform';

interface SeedFile {
  readonly measures: ReadonlyArray<{ readonly measureId: string } & Record<string, unknown>>;
  readonly statusChanges: ReadonlyArray<{ readonly measureId: string; readonly action: 'suspend'; readonly body: Record<string, unknown> }>;
}

const PATH_FOR_ACTION = { suspend: 'suspensions' } as const;

async function analystToken(): Promise<string> {
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  const config = loadAuthConfig(process.env, dataDir);
  if (config.keys.kind !== 'data-dir') throw new Error('the system trusts an identity provider: pass a Commission analyst token with --token');
  const { key } = await loadOrCreateSigningKey(dataDir);
  return (await new TokenIssuer(key, config.tokens).issue({ role: 'commission-analyst', subject: 'seed-loader' }, 600)).token;
}

async function post(url: string, token: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

async function main(options: { url: string; file: string; token?: string }): Promise<void> {
  const seed = JSON.parse(readFileSync(resolve(options.file), 'utf8')) as SeedFile;
  const token = options.token ?? (await analystToken());
  const tally = { recorded: 0, alreadyThere: 0 };
  const count = (label: string, reply: { status: number; text: string }) => {
    if (reply.status === 201 || reply.status === 202) tally.recorded++;
    else if (reply.status === 200) tally.alreadyThere++;
    else throw new Error(`${label}: HTTP ${reply.status} ${reply.text}`);
  };
  for (const measure of seed.measures) {
    count(measure.measureId, await post(`${options.url}/api/v1/export-controls`, token, measure));
  }
  for (const change of seed.statusChanges) {
    const path = `${options.url}/api/v1/export-controls/${change.measureId}/${PATH_FOR_ACTION[change.action]}`;
    count(`${change.measureId} ${change.action}`, await post(path, token, change.body));
  }
  process.stdout.write(`seed: ${tally.recorded} recorded, ${tally.alreadyThere} already recorded (${seed.measures.length} measures, ${seed.statusChanges.length} status changes)\n`);
}

new Command()
  .name('seed')
  .description('Load the shipped export-control measures into a running system')
  .option('--url <url>', 'base URL of the system', `http://127.0.0.1:${process.env.PORT ?? 3000}`)
  .option('--file <path>', 'seed file', 'apps/intake/seed/export-controls-cn.v1.json')
  .option('--token <token>', 'a Commission analyst token (default: signed with the data-dir key)')
  .action((options) => main(options))
  .parseAsync()
  .catch((error: unknown) => {
    process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
