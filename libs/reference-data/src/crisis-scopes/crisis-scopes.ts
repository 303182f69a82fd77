import { DatasetInfo, datasetInfo } from '../dataset';
import { resolveMaterial } from '../materials/materials';
import { CrisisScope, CrisisScopesFile } from './crisis-scope';
import { crisisScopesFileProblems } from './crisis-scopes-file';
import file from './default-crisis-scopes.json';

const data = file as CrisisScopesFile;
const problems = crisisScopesFileProblems(data);
if (problems.length > 0) throw new Error(`default-crisis-scopes.json is inconsistent: ${problems.join('; ')}`);

export const DEFAULT_CRISIS_SCOPES: DatasetInfo = datasetInfo(data);

const byId = new Map(data.scopes.map((scope) => [scope.id, Object.freeze(scope)]));

/** The value chains watched by default (RESourceEU Action Plan focus chains). */
export function defaultCrisisScopes(): readonly CrisisScope[] {
  return [...byId.values()];
}

export function crisisScope(id: string): CrisisScope | undefined {
  return byId.get(id);
}

/**
 * Whether a filed material falls in the scope: through its list entry ("neodymium" is in the magnet scope
 * through light rare earths) or through a strategic entry it counts towards.
 */
export function scopeCoversMaterial(scope: CrisisScope, filedCode: string): boolean {
  const resolved = resolveMaterial(filedCode);
  if (!resolved) return false;
  const codes = new Set([resolved.material.code, ...resolved.countsTowards.critical, ...resolved.countsTowards.strategic]);
  return scope.materials.some((material) => codes.has(material.code));
}

/** The default scopes a filed material falls in; empty for an unknown code. */
export function scopesForMaterial(filedCode: string, scopes = defaultCrisisScopes()): readonly CrisisScope[] {
  return scopes.filter((scope) => scopeCoversMaterial(scope, filedCode));
}
