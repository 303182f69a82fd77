import { z } from 'zod';
import { datasetInfo, datasetRef } from '../dataset';
import { rawMaterial } from '../materials/materials';
import {
  AnnualVolume,
  BaselineFigure,
  MaterialBaseline,
  SourcingShare,
  StageBaseline,
  SUPPLY_STAGES,
  SupplyBaseline,
} from './supply-baseline.model';

const share = z.number().min(0).max(1);
const country = z.string().regex(/^[A-Z]{2}$/);
const sourceIds = z.array(z.string().min(1)).min(1);
const figureMeta = {
  figureSources: z.record(z.string(), sourceIds).optional(),
  figureNotes: z.record(z.string(), z.string()).optional(),
};

const volume = z.strictObject({
  lowTonnes: z.number().positive(),
  highTonnes: z.number().positive(),
  basis: z.enum(['consumption', 'demand', 'imports']),
  year: z.number().int().nullable(),
  sources: sourceIds,
  note: z.string().optional(),
});

const stage = z.strictObject({
  euSuppliers: z.array(z.strictObject({ country, share })).nullable(),
  chinaShareOfEuSourcing: share.nullable(),
  chinaShareOfGlobalSupply: share.nullable(),
  importReliance: share.nullable(),
  ...figureMeta,
});

const material = z.strictObject({
  code: z.string(),
  sourceRow: z.string().optional(),
  stages: z.partialRecord(z.enum(SUPPLY_STAGES), stage),
  recyclingInputRate: share.nullable(),
  supplyRisk: z.number().min(0).nullable(),
  economicImportance: z.number().min(0).nullable(),
  euAnnualConsumption: volume.nullable(),
  euAnnualImports: volume.nullable(),
  notes: z.array(z.string()).optional(),
  ...figureMeta,
});

const baselineFile = z.strictObject({
  dataset: z.literal('eu-supply-baseline'),
  version: z.number().int().positive(),
  asOf: z.string(),
  sources: z.array(z.string().regex(/^\[[A-Z]+\] /)).min(1),
  notes: z.array(z.string()),
  defaultSources: z.record(z.string(), sourceIds),
  materials: z.array(material),
  aggregates: z.array(
    z.strictObject({
      subject: z.string(),
      materials: z.array(z.string()).min(1),
      basis: z.string(),
      year: z.number().int(),
      tonnes: z.number().positive(),
      partners: z.array(z.strictObject({ country, share: share.optional(), tonnes: z.number().positive().optional() })),
      sources: sourceIds,
      note: z.string().optional(),
    }),
  ),
});

export type SupplyBaselineFile = z.infer<typeof baselineFile>;
type MaterialRow = z.infer<typeof material>;
type StageRow = z.infer<typeof stage>;
type Meta = { figureSources?: Record<string, string[]>; figureNotes?: Record<string, string> };

/** Checks a baseline file's shape and consistency and turns it into the model; throws listing every problem. */
export function loadSupplyBaseline(json: unknown): SupplyBaseline {
  const parsed = baselineFile.safeParse(json);
  if (!parsed.success) throw new Error(`Supply baseline file is malformed: ${z.prettifyError(parsed.error)}`);
  const problems = supplyBaselineProblems(parsed.data);
  if (problems.length > 0) throw new Error(`Supply baseline file is inconsistent: ${problems.join('; ')}`);
  const file = parsed.data;
  const info = datasetInfo(file);
  const materials = Object.fromEntries(file.materials.map((row) => [row.code, toMaterial(row, file.defaultSources)]));
  return deepFreeze({ info, ref: datasetRef(info), materials, aggregates: file.aggregates });
}

/** Problems a well-formed file can still have; empty when it is sound. */
export function supplyBaselineProblems(file: SupplyBaselineFile): string[] {
  const problems: string[] = [];
  const known = new Set(file.sources.map((source) => source.slice(1, source.indexOf(']'))));
  const cite = (where: string, ids: readonly string[]) =>
    ids.filter((id) => !known.has(id)).forEach((id) => problems.push(`${where} cites unknown source [${id}]`));
  Object.entries(file.defaultSources).forEach(([field, ids]) => cite(`default for ${field}`, ids));
  const codes = new Set<string>();
  for (const row of file.materials) {
    if (codes.has(row.code)) problems.push(`material "${row.code}" is listed twice`);
    codes.add(row.code);
    if (!rawMaterial(row.code)?.critical) problems.push(`"${row.code}" is not a CRMA Annex II code`);
    Object.values(row.figureSources ?? {}).forEach((ids) => cite(row.code, ids));
    for (const volume of [row.euAnnualConsumption, row.euAnnualImports]) {
      if (volume) cite(row.code, volume.sources);
      if (volume && volume.lowTonnes > volume.highTonnes)
        problems.push(`${row.code}: a volume's low bound exceeds its high bound`);
    }
    for (const [name, stage] of Object.entries(row.stages))
      problems.push(...stageProblems(`${row.code} ${name}`, stage, cite));
  }
  for (const aggregate of file.aggregates) {
    cite(aggregate.subject, aggregate.sources);
    aggregate.materials
      .filter((code) => !rawMaterial(code))
      .forEach((code) => problems.push(`${aggregate.subject} names unknown material "${code}"`));
  }
  return problems;
}

function stageProblems(
  where: string,
  stage: StageRow,
  cite: (where: string, ids: readonly string[]) => void,
): string[] {
  const problems: string[] = [];
  Object.values(stage.figureSources ?? {}).forEach((ids) => cite(where, ids));
  const suppliers = stage.euSuppliers ?? [];
  if (new Set(suppliers.map((supplier) => supplier.country)).size !== suppliers.length)
    problems.push(`${where}: a supplier is listed twice`);
  if (suppliers.reduce((sum, supplier) => sum + supplier.share, 0) > 1.0001)
    problems.push(`${where}: supplier shares exceed 100%`);
  const china = suppliers.find((supplier) => supplier.country === 'CN');
  if (china && stage.chinaShareOfEuSourcing !== null && china.share !== stage.chinaShareOfEuSourcing) {
    problems.push(`${where}: China's share among suppliers differs from chinaShareOfEuSourcing`);
  }
  return problems;
}

function toMaterial(row: MaterialRow, defaults: Record<string, string[]>): MaterialBaseline {
  const fig = figureOf(row, defaults);
  const stages = SUPPLY_STAGES.flatMap((name) => (row.stages[name] ? [toStage(name, row.stages[name], defaults)] : []));
  return {
    code: row.code,
    ...(row.sourceRow ? { sourceRow: row.sourceRow } : {}),
    stages,
    recyclingInputRate: fig('recyclingInputRate', row.recyclingInputRate),
    supplyRisk: fig('supplyRisk', row.supplyRisk),
    economicImportance: fig('economicImportance', row.economicImportance),
    euAnnualConsumption: toVolume(row.euAnnualConsumption),
    euAnnualImports: toVolume(row.euAnnualImports),
    notes: row.notes ?? [],
  };
}

function toStage(stage: StageBaseline['stage'], row: StageRow, defaults: Record<string, string[]>): StageBaseline {
  const fig = figureOf(row, defaults);
  return {
    stage,
    euSuppliers: fig<readonly SourcingShare[]>('euSuppliers', row.euSuppliers),
    chinaShareOfEuSourcing: fig('chinaShareOfEuSourcing', row.chinaShareOfEuSourcing),
    chinaShareOfGlobalSupply: fig('chinaShareOfGlobalSupply', row.chinaShareOfGlobalSupply),
    importReliance: fig('importReliance', row.importReliance),
  };
}

function figureOf(row: Meta, defaults: Record<string, string[]>) {
  return <T = number>(field: string, value: T | null): BaselineFigure<T> => {
    const note = row.figureNotes?.[field];
    const withNote = note ? { note } : {};
    if (value === null) return { status: 'unknown', value: null, ...withNote };
    return { status: 'known', value, sources: row.figureSources?.[field] ?? defaults[field] ?? [], ...withNote };
  };
}

function toVolume(row: z.infer<typeof volume> | null): BaselineFigure<AnnualVolume> {
  if (!row) return { status: 'unknown', value: null };
  const { sources, note, ...value } = row;
  return { status: 'known', value, sources, ...(note ? { note } : {}) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}
