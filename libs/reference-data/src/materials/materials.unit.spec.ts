import file from './crma-materials.json';
import { MaterialsFile, materialsFileProblems } from './materials-file';
import {
  criticalRawMaterials,
  isKnownMaterial,
  listCodesFor,
  rareEarthElements,
  rawMaterial,
  rawMaterials,
  resolveMaterial,
  strategicRawMaterials,
} from './materials';

describe('CRMA materials data', () => {
  it('holds the 34 critical (Annex II) and 17 strategic (Annex I) raw materials', () => {
    expect(criticalRawMaterials()).toHaveLength(34);
    expect(strategicRawMaterials()).toHaveLength(17);
  });

  it('has no duplicate codes and passes its own integrity check', () => {
    const codes = rawMaterials().map((material) => material.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(materialsFileProblems(file as MaterialsFile)).toEqual([]);
  });

  it('maps the 16 rare-earth elements: 5 light, 10 heavy, scandium apart', () => {
    const groups = rareEarthElements().map((element) => element.group);
    expect(groups.filter((group) => group === 'light-rare-earth-elements')).toHaveLength(5);
    expect(groups.filter((group) => group === 'heavy-rare-earth-elements')).toHaveLength(10);
    expect(groups.filter((group) => group === 'scandium')).toHaveLength(1);
  });

  it('integrity check catches duplicates, dangling references and shadowing aliases', () => {
    const good = file as MaterialsFile;
    const broken: MaterialsFile = {
      ...good,
      materials: [...good.materials, { code: 'gallium', name: 'Gallium again', critical: true, strategic: false }],
      rareEarthElements: [...good.rareEarthElements, { code: 'promethium', symbol: 'Pm', name: 'Promethium', group: 'medium' as never }],
      aliases: { ...good.aliases, cobalt: 'copper', tin: 'unknown-metal' },
    };
    const problems = materialsFileProblems(broken).join('\n');
    expect(problems).toMatch(/"gallium" is listed twice/);
    expect(problems).toMatch(/"promethium" names unknown group "medium"/);
    expect(problems).toMatch(/alias "cobalt" shadows a code/);
    expect(problems).toMatch(/alias "tin" points to unknown material/);
  });
});

describe('resolving a filed material code', () => {
  it('resolves neodymium to the light-rare-earth entry, keeps the element, and counts it as a magnet element', () => {
    const resolved = resolveMaterial('neodymium');
    expect(resolved?.material.code).toBe('light-rare-earth-elements');
    expect(resolved?.element).toMatchObject({ code: 'neodymium', symbol: 'Nd' });
    expect(resolved?.filedCode).toBe('neodymium');
    expect(resolved?.countsTowards).toEqual({
      critical: ['light-rare-earth-elements'],
      strategic: ['rare-earths-for-magnets'],
    });
  });

  it('puts dysprosium with the heavy rare earths and lanthanum outside the magnet entry', () => {
    expect(listCodesFor('dysprosium')).toEqual({ critical: ['heavy-rare-earth-elements'], strategic: ['rare-earths-for-magnets'] });
    expect(listCodesFor('lanthanum')).toEqual({ critical: ['light-rare-earth-elements'], strategic: [] });
  });

  it('keeps scandium as its own critical entry', () => {
    const resolved = resolveMaterial('scandium');
    expect(resolved?.material.code).toBe('scandium');
    expect(resolved?.element?.symbol).toBe('Sc');
    expect(resolved?.countsTowards).toEqual({ critical: ['scandium'], strategic: [] });
  });

  it('counts a material on both lists towards both, and a critical-only one towards the critical list only', () => {
    expect(listCodesFor('gallium')).toEqual({ critical: ['gallium'], strategic: ['gallium'] });
    expect(listCodesFor('arsenic')).toEqual({ critical: ['arsenic'], strategic: [] });
  });

  it('keeps battery-grade graphite (strategic) apart from natural graphite (critical)', () => {
    expect(listCodesFor('graphite')).toEqual({ critical: [], strategic: ['graphite'] });
    expect(listCodesFor('natural-graphite')).toEqual({ critical: ['natural-graphite'], strategic: [] });
    expect(rawMaterial('graphite')?.strategicGrade).toBe('battery grade');
  });

  it('counts rare earths for magnets towards both critical rare-earth groups', () => {
    expect(listCodesFor('rare-earths-for-magnets')).toEqual({
      critical: ['heavy-rare-earth-elements', 'light-rare-earth-elements'],
      strategic: ['rare-earths-for-magnets'],
    });
  });

  it('accepts "nickel" as battery-grade nickel but records the code as filed', () => {
    const resolved = resolveMaterial('nickel');
    expect(resolved?.material.code).toBe('nickel-battery-grade');
    expect(resolved?.filedCode).toBe('nickel');
  });

  it.each(['tellurium', 'Gallium', 'GALLIUM', ' gallium', '', 'rare-earths', 'hree'])('rejects "%s"', (code) => {
    expect(isKnownMaterial(code)).toBe(false);
    expect(resolveMaterial(code)).toBeUndefined();
    expect(listCodesFor(code)).toBeUndefined();
  });

  it('knows every list code and every element', () => {
    for (const { code } of [...rawMaterials(), ...rareEarthElements()]) expect(isKnownMaterial(code)).toBe(true);
  });
});
