import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPolicyConfiguration, ModeRules, modeRulesOf, PolicyConfiguration, policyRef } from '@imera/domain/imera-modes';
import { CrisisScope, defaultCrisisScopes } from '@imera/reference-data';
import { DEFAULT_TREND_POINTS_KEPT } from './monitor/crisis-monitor.state';

/** The shipped escalation policy; the build copies `config/` next to the compiled code, so this holds in both. */
export const DEFAULT_POLICY_FILE = join(__dirname, '..', '..', '..', 'config', 'policy', 'default-policy.v1.json');

/** Everything the crisis monitor reads from its environment, checked at start. */
export interface CrisisMonitorSettings {
  readonly policy: PolicyConfiguration;
  /** Where the policy came from and what the environment changed in it, for the logs. */
  readonly policySource: string;
  readonly modeRules: ModeRules;
  readonly scopes: readonly CrisisScope[];
  /** Save the projection state after this many events. Default, not law: 5,000. */
  readonly snapshotEveryEvents: number;
  /** Or after this long with unsaved changes. Default, not law: 10 s. */
  readonly snapshotEveryMs: number;
  /** How many recent live changes are kept for clients that reconnect with Last-Event-ID. Default: 10,000. */
  readonly liveChangesKept: number;
  /** DASHBOARD_TREND_POINTS: how many points each scope's trend keeps for the dashboard. Default, not law: 180. */
  readonly trendPointsKept: number;
}

export interface CrisisMonitorSettingsOptions {
  /**
   * A complete policy document given in code (an exercise's policy), used instead of POLICY_FILE and the
   * AUTO_COUNCIL_DECISION variables; checked like the file.
   */
  readonly policy?: { readonly document: unknown; readonly source: string };
}

/**
 * POLICY_FILE names another policy file; AUTO_COUNCIL_DECISION=on|off and AUTO_COUNCIL_DECISION_DELAY_HOURS
 * override the file's `autoDecision` for demonstrations and exercises. The result is checked like the file.
 */
export function loadCrisisMonitorSettings(env: NodeJS.ProcessEnv = process.env, options: CrisisMonitorSettingsOptions = {}): CrisisMonitorSettings {
  const { policy, policySource } = options.policy ? givenPolicy(options.policy) : policyFromEnvironment(env);
  return {
    policy,
    policySource,
    modeRules: modeRulesOf(policy),
    scopes: defaultCrisisScopes(),
    snapshotEveryEvents: wholeNumber(env, 'PROJECTION_SNAPSHOT_EVERY_EVENTS', 5_000),
    snapshotEveryMs: wholeNumber(env, 'PROJECTION_SNAPSHOT_EVERY_MS', 10_000),
    liveChangesKept: wholeNumber(env, 'LIVE_CHANGES_KEPT', 10_000),
    trendPointsKept: wholeNumber(env, 'DASHBOARD_TREND_POINTS', DEFAULT_TREND_POINTS_KEPT, { min: 2, max: 10_000 }),
  };
}

function givenPolicy(given: { readonly document: unknown; readonly source: string }): { policy: PolicyConfiguration; policySource: string } {
  const policy = loadPolicyConfiguration(given.document);
  return { policy, policySource: `${policyRef(policy)} from ${given.source}` };
}

function policyFromEnvironment(env: NodeJS.ProcessEnv): { policy: PolicyConfiguration; policySource: string } {
  const file = env.POLICY_FILE?.trim() ? resolve(env.POLICY_FILE.trim()) : DEFAULT_POLICY_FILE;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { autoDecision?: Record<string, unknown> };
  const overrides = autoDecisionOverrides(env);
  const policy = loadPolicyConfiguration({ ...raw, autoDecision: { ...raw.autoDecision, ...overrides } });
  const changed = Object.keys(overrides).map((key) => `autoDecision.${key}=${String(overrides[key])}`);
  return { policy, policySource: `${policyRef(policy)} from ${file}${changed.length > 0 ? ` (environment: ${changed.join(', ')})` : ''}` };
}

function autoDecisionOverrides(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  const enabled = env.AUTO_COUNCIL_DECISION?.trim();
  if (enabled) {
    if (enabled !== 'on' && enabled !== 'off') throw new Error(`AUTO_COUNCIL_DECISION must be on or off, got "${enabled}"`);
    overrides.enabled = enabled === 'on';
  }
  const delay = env.AUTO_COUNCIL_DECISION_DELAY_HOURS?.trim();
  if (delay) {
    const hours = Number(delay);
    if (!Number.isFinite(hours) || hours < 0) throw new Error(`AUTO_COUNCIL_DECISION_DELAY_HOURS must be a number >= 0, got "${delay}"`);
    overrides.delayHours = hours;
  }
  return overrides;
}

/** A whole number from the environment within bounds (at least 1 unless told otherwise), or the default. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, bounds: { min: number; max?: number } = { min: 1 }): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const parsed = Number(value);
  const { min, max } = bounds;
  if (!Number.isInteger(parsed) || parsed < min || (max !== undefined && parsed > max)) {
    const range = max === undefined ? `>= ${min}` : `from ${min} to ${max}`;
    throw new Error(`${name} must be a whole number ${range}, got "${value}"`);
  }
  return parsed;
}
