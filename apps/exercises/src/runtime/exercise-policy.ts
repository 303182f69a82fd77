import { readFileSync } from 'node:fs';
import { PolicyOverride } from '@imera/platform';
import { DEFAULT_POLICY_FILE } from '../../../crisis-monitor/src/crisis-monitor.config';

type Json = unknown;

/** The shipped policy with the scenario's partial policy laid over it (objects merged, arrays replaced). */
export function exercisePolicy(partial: Record<string, Json> | undefined, decisions: 'auto' | 'scripted'): PolicyOverride & { readonly document: Record<string, Json> } {
  const shipped = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8')) as Record<string, Json>;
  const merged = deepMerge(shipped, partial ?? {}) as Record<string, Json>;
  const autoDecision = { ...(merged.autoDecision as Record<string, Json> | undefined), enabled: decisions === 'auto' };
  const document = { ...merged, autoDecision };
  const changed = partial && Object.keys(partial).length > 0 ? ' with the scenario\'s policy changes' : '';
  return { document, source: `config/policy/default-policy.v1.json${changed}, decisions ${decisions}` };
}

/** Objects are merged key by key; arrays and scalars of the overlay replace what is below. */
export function deepMerge(base: Json, overlay: Json): Json {
  if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay === undefined ? base : overlay;
  const result: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(overlay)) result[key] = deepMerge(base[key], value);
  return result;
}

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
