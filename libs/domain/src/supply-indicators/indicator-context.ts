import { isMemberStateCode, resolveMaterial, SupplyBaseline, supplyBaseline } from '@imera/reference-data';
import { IndicatorSettings } from './indicator-settings';

/** Everything besides the events that indicators depend on; all of it pure data or pure functions. */
export interface IndicatorContext {
  /** The moment the indicators describe: a suspension counts from its start date. */
  readonly asOf: string;
  readonly settings: IndicatorSettings;
  readonly baseline: SupplyBaseline;
  /** The CRMA list entries a material code, as filed or announced, counts towards. */
  readonly countsTowards: (filedCode: string) => readonly string[];
  /** Whether an export control's destinations include the EU. */
  readonly reachesEu: (destinations: 'all' | readonly string[]) => boolean;
}

/**
 * The list entries a code counts towards, from the CRMA reference data: "dysprosium" counts towards heavy
 * rare earths and rare earths for magnets. A code the lists do not cover counts only towards itself.
 */
export function countsTowardsListEntries(filedCode: string): readonly string[] {
  const resolved = resolveMaterial(filedCode);
  if (!resolved) return [filedCode];
  const { material, countsTowards } = resolved;
  return [...new Set([material.code, ...countsTowards.critical, ...countsTowards.strategic])];
}

export function destinationsReachEu(destinations: 'all' | readonly string[]): boolean {
  return destinations === 'all' || destinations.some((code) => code === 'EU' || isMemberStateCode(code));
}

/**
 * The reference data is fixed, so every default context shares one cache of what a code counts towards,
 * and one function: folds that make a context per event keep their remembered selections (selection.ts).
 */
const countsTowardsCache = new Map<string, readonly string[]>();
function cachedCountsTowards(code: string): readonly string[] {
  let entries = countsTowardsCache.get(code);
  if (!entries) countsTowardsCache.set(code, (entries = countsTowardsListEntries(code)));
  return entries;
}

export function defaultIndicatorContext(settings: IndicatorSettings, asOf: string): IndicatorContext {
  return { asOf, settings, baseline: supplyBaseline(), countsTowards: cachedCountsTowards, reachesEu: destinationsReachEu };
}
