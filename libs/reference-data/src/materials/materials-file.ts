import { DatasetInfo } from '../dataset';
import { RareEarthElement, RawMaterial } from './raw-material';

/** Shape of `crma-materials.json`. */
export interface MaterialsFile extends DatasetInfo {
  readonly materials: readonly RawMaterial[];
  readonly aliases: Readonly<Record<string, string>>;
  readonly rareEarthElements: readonly RareEarthElement[];
}

const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Problems in a materials file; empty when it is sound. Run at load and by the integrity tests. */
export function materialsFileProblems(file: MaterialsFile): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const material of file.materials) {
    if (!CODE.test(material.code)) problems.push(`material code "${material.code}" is not a lower-case code`);
    if (codes.has(material.code)) problems.push(`material "${material.code}" is listed twice`);
    codes.add(material.code);
    if (!material.critical && !material.strategic) problems.push(`material "${material.code}" is on neither list`);
  }
  const elementCodes = new Set(file.rareEarthElements.map((element) => element.code));
  if (elementCodes.size !== file.rareEarthElements.length) problems.push('a rare-earth element is listed twice');
  for (const element of file.rareEarthElements) {
    if (!codes.has(element.group)) problems.push(`element "${element.code}" names unknown group "${element.group}"`);
    if (codes.has(element.code) && element.code !== element.group) {
      problems.push(`element "${element.code}" clashes with a material code`);
    }
  }
  for (const material of file.materials) {
    for (const element of material.elements ?? []) {
      if (!elementCodes.has(element)) problems.push(`"${material.code}" names unknown element "${element}"`);
    }
    for (const target of material.countsTowardsCritical ?? []) {
      const entry = file.materials.find((candidate) => candidate.code === target);
      if (!entry?.critical) problems.push(`"${material.code}" counts towards "${target}", not a critical entry`);
    }
  }
  for (const [alias, target] of Object.entries(file.aliases)) {
    if (codes.has(alias) || elementCodes.has(alias)) problems.push(`alias "${alias}" shadows a code`);
    if (!codes.has(target)) problems.push(`alias "${alias}" points to unknown material "${target}"`);
  }
  return problems;
}
