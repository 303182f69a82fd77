#!/usr/bin/env node
// Prints a bearer token signed with the key in the data directory (DATA_DIR, default ./data), creating the
// key if missing. For the embedded default, tests and exercises; production tokens come from an identity
// provider. Usage: npm run token -- --role member-state-authority --member-state DE [--ttl 8h]
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import {
  CLAIMS,
  loadOrCreateSigningKey,
  parseDurationSeconds,
  principalFromClaims,
  ROLES,
  TokenIssuer,
} from '@imera/auth';
import { loadAuthConfig } from '@imera/platform';

interface TokenOptions {
  role: string;
  memberState?: string;
  operator?: string;
  exercise?: string;
  subject?: string;
  name?: string;
  ttl: string;
  json?: boolean;
}

const FLAG_FOR_CLAIM: Record<string, string> = {
  [CLAIMS.memberState]: '--member-state',
  [CLAIMS.operatorId]: '--operator',
  [CLAIMS.exerciseId]: '--exercise',
  [CLAIMS.name]: '--name',
  sub: '--subject',
};

async function main(options: TokenOptions): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  const config = loadAuthConfig(process.env, dataDir);
  if (config.keys.kind !== 'data-dir') {
    throw new Error('this system is configured to trust an identity provider (AUTH_JWKS_URL or AUTH_PUBLIC_KEY); get tokens there');
  }
  const check = principalFromClaims({
    sub: options.subject ?? defaultSubject(options),
    [CLAIMS.role]: options.role,
    [CLAIMS.memberState]: options.memberState,
    [CLAIMS.operatorId]: options.operator,
    [CLAIMS.exerciseId]: options.exercise,
    [CLAIMS.name]: options.name,
  });
  if (!check.ok) throw new Error(inFlags(check.problem));
  const { key, path, created } = await loadOrCreateSigningKey(dataDir);
  const issued = await new TokenIssuer(key, config.tokens).issue(check.principal, parseDurationSeconds(options.ttl));
  if (created) process.stderr.write(`created a new signing key in ${path}\n`);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...issued, principal: check.principal }, null, 2)}\n`);
  } else {
    process.stdout.write(`${issued.token}\n`);
    process.stderr.write(`${check.principal.role} token for "${check.principal.subject}", valid until ${issued.expiresAt.toISOString()}\n`);
  }
}

/** A readable default subject, e.g. `cli-member-state-authority-DE`; pass --subject for a real person. */
function defaultSubject(options: TokenOptions): string {
  return ['cli', options.role, options.memberState ?? options.operator ?? options.exercise].filter(Boolean).join('-');
}

function inFlags(problem: string): string {
  return Object.entries(FLAG_FOR_CLAIM).reduce((text, [claim, flag]) => text.replaceAll(`"${claim}"`, flag), problem);
}

const program = new Command('token')
  .description('Print a bearer token signed with the key in $DATA_DIR/keys (created if missing)')
  .addOption(new Option('--role <role>', 'the role the token grants').choices(ROLES).makeOptionMandatory())
  .option('--member-state <code>', 'Member State of a member-state-authority (EU code, EL for Greece)')
  .option('--operator <id>', 'operator id of an economic-operator')
  .option('--exercise <id>', 'exercise an exercise-runner is bound to (any exercise when left out)')
  .option('--subject <id>', 'who the token is for (the "sub" claim); defaults to cli-<role>-<binding>')
  .option('--name <name>', 'display name')
  .option('--ttl <duration>', 'lifetime, e.g. 15m, 8h, 1d (at most AUTH_MAX_TOKEN_AGE)', '8h')
  .option('--json', 'print the token with its id, expiry and principal as JSON')
  .action((options: TokenOptions) => main(options));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
