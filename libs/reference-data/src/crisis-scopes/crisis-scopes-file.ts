import { rawMaterial } from '../materials/materials';
import { CrisisScopesFile } from './crisis-scope';

const SCOPE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Problems in a crisis-scopes file; empty when it is sound. Run at load and by the integrity tests. */
export function crisisScopesFileProblems(file: CrisisScopesFile): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const scope of file.scopes) {
    if (!SCOPE_ID.test(scope.id)) problems.push(`scope id "${scope.id}" is not a lower-case code`);
    if (ids.has(scope.id)) problems.push(`scope "${scope.id}" is listed twice`);
    ids.add(scope.id);
    if (scope.materials.length === 0) problems.push(`scope "${scope.id}" watches no material`);
    const codes = new Set<string>();
    for (const { code, why } of scope.materials) {
      if (!rawMaterial(code)) problems.push(`scope "${scope.id}" names "${code}", not a CRMA list code`);
      if (codes.has(code)) problems.push(`scope "${scope.id}" names "${code}" twice`);
      if (!why?.trim()) problems.push(`scope "${scope.id}" does not say why it watches "${code}"`);
      codes.add(code);
    }
  }
  return problems;
}
