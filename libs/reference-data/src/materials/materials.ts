import { DatasetInfo, datasetInfo } from '../dataset';
import file from './crma-materials.json';
import { MaterialsFile, materialsFileProblems } from './materials-file';
import { ListMembership, MaterialResolution, RareEarthElement, RawMaterial } from './raw-material';

const data = file as MaterialsFile;
const problems = materialsFileProblems(data);
if (problems.length > 0) throw new Error(`crma-materials.json is inconsistent: ${problems.join('; ')}`);

export const CRMA_MATERIALS: DatasetInfo = datasetInfo(data);

const byCode = new Map(data.materials.map((material) => [material.code, Object.freeze(material)]));
const elementsByCode = new Map(data.rareEarthElements.map((element) => [element.code, Object.freeze(element)]));
const magnetElements = new Map<string, string>(
  data.materials.flatMap((material) => (material.elements ?? []).map((element) => [element, material.code] as const)),
);

/** Every CRMA list entry, critical and strategic. */
export function rawMaterials(): readonly RawMaterial[] {
  return [...byCode.values()];
}

/** CRMA Annex II section 1: the 34 critical raw materials. */
export function criticalRawMaterials(): readonly RawMaterial[] {
  return rawMaterials().filter((material) => material.critical);
}

/** CRMA Annex I section 1: the 17 strategic raw materials. */
export function strategicRawMaterials(): readonly RawMaterial[] {
  return rawMaterials().filter((material) => material.strategic);
}

export function rareEarthElements(): readonly RareEarthElement[] {
  return [...elementsByCode.values()];
}

/** The list entry with exactly this code (no alias, no element). */
export function rawMaterial(code: string): RawMaterial | undefined {
  return byCode.get(code);
}

/** A list code, an alias or a rare-earth element. */
export function isKnownMaterial(code: string): boolean {
  return resolveMaterial(code) !== undefined;
}

/** The CRMA list codes a filed material code counts towards; undefined for an unknown code. */
export function listCodesFor(code: string): ListMembership | undefined {
  return resolveMaterial(code)?.countsTowards;
}

/**
 * What a filed code means: "neodymium" resolves to the light-rare-earth entry and keeps the element;
 * "nickel" resolves to battery-grade nickel. Undefined for a code the CRMA lists do not cover.
 */
export function resolveMaterial(filedCode: string): MaterialResolution | undefined {
  const element = elementsByCode.get(filedCode);
  const material = byCode.get(data.aliases[filedCode] ?? filedCode) ?? (element && byCode.get(element.group));
  if (!material) return undefined;
  const countsTowards = element ? elementMembership(element) : entryMembership(material);
  return Object.freeze({ filedCode, material, ...(element ? { element } : {}), countsTowards });
}

function entryMembership(material: RawMaterial): ListMembership {
  const critical = material.critical ? [material.code] : [...(material.countsTowardsCritical ?? [])];
  return { critical, strategic: material.strategic ? [material.code] : [] };
}

function elementMembership(element: RareEarthElement): ListMembership {
  const magnetEntry = magnetElements.get(element.code);
  return { critical: [element.group], strategic: magnetEntry ? [magnetEntry] : [] };
}
