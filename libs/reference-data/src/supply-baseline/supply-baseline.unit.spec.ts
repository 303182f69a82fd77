import { criticalRawMaterials } from '../materials/materials';
import file from './eu-supply-baseline.json';
import { shareOfEuSourcing, supplyBaseline } from './supply-baseline';
import { loadSupplyBaseline } from './supply-baseline-file';

const baseline = supplyBaseline();
const stage = (code: string, name: 'extraction' | 'processing') =>
  baseline.materials[code].stages.find((s) => s.stage === name)!;

describe('EU supply baseline', () => {
  it('is versioned and names its sources', () => {
    expect(baseline.ref).toBe('eu-supply-baseline@1');
    expect(baseline.info.sources.length).toBeGreaterThan(3);
  });

  it('has a row for every CRMA Annex II material', () => {
    const missing = criticalRawMaterials().filter((material) => !baseline.materials[material.code]);
    expect(missing.map((material) => material.code)).toEqual([]);
  });

  it('keeps the Commission figures and their sources where they differ from the study', () => {
    const gallium = stage('gallium', 'processing');
    expect(gallium.chinaShareOfEuSourcing).toEqual({
      status: 'known',
      value: 0.71,
      sources: ['E', 'F'],
      note: 'Commission figure used where it differs from [A]',
    });
    expect(stage('heavy-rare-earth-elements', 'processing').chinaShareOfEuSourcing.value).toBe(1);
  });

  it('marks figures the sources do not give as unknown instead of estimating them', () => {
    expect(stage('tungsten', 'extraction').chinaShareOfEuSourcing).toEqual({ status: 'unknown', value: null });
    expect(stage('platinum-group-metals', 'processing').euSuppliers.status).toBe('unknown');
    expect(baseline.materials['heavy-rare-earth-elements'].euAnnualConsumption.status).toBe('unknown');
    expect(stage('niobium', 'processing').chinaShareOfGlobalSupply).toMatchObject({ status: 'unknown', value: null });
  });

  it('gives volumes as ranges with their basis', () => {
    expect(baseline.materials.gallium.euAnnualConsumption).toMatchObject({
      status: 'known',
      value: { lowTonnes: 40, highTonnes: 45, basis: 'demand', year: 2023 },
    });
    expect(baseline.materials['natural-graphite'].euAnnualConsumption.status).toBe('unknown');
    expect(baseline.materials['natural-graphite'].euAnnualImports.value).toMatchObject({
      basis: 'imports',
      lowTonnes: 100000,
    });
  });

  it('reads a country share from the listed suppliers, and unknown for a country not listed', () => {
    expect(shareOfEuSourcing(stage('light-rare-earth-elements', 'processing'), 'CN').value).toBe(0.85);
    expect(shareOfEuSourcing(stage('light-rare-earth-elements', 'processing'), 'MY')).toMatchObject({
      status: 'known',
      value: 0.11,
    });
    expect(shareOfEuSourcing(stage('light-rare-earth-elements', 'processing'), 'RU')).toMatchObject({
      status: 'unknown',
      value: null,
    });
    expect(shareOfEuSourcing(stage('bauxite-alumina-aluminium', 'processing'), 'CN').status).toBe('unknown');
  });

  it('refuses a file whose figures contradict each other or cite unknown sources', () => {
    const broken = JSON.parse(JSON.stringify(file));
    broken.materials[0].stages.processing.chinaShareOfEuSourcing = 0.5;
    broken.materials[1].figureSources = { supplyRisk: ['Z'] };
    broken.materials.push({ ...broken.materials[2] });
    expect(() => loadSupplyBaseline(broken)).toThrow(
      /differs from chinaShareOfEuSourcing.*cites unknown source \[Z\].*listed twice/,
    );
  });

  it('refuses a malformed file', () => {
    const broken = JSON.parse(JSON.stringify(file));
    broken.materials[0].recyclingInputRate = 28;
    expect(() => loadSupplyBaseline(broken)).toThrow(/malformed/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(baseline.materials.gallium.stages[0])).toBe(true);
  });
});
