import { CrisisScopesFile } from './crisis-scope';
import { crisisScope, defaultCrisisScopes, scopeCoversMaterial, scopesForMaterial } from './crisis-scopes';
import { crisisScopesFileProblems } from './crisis-scopes-file';
import file from './default-crisis-scopes.json';

const ids = (scopes: readonly { id: string }[]) => scopes.map((scope) => scope.id);

describe('default crisis scopes', () => {
  it('are the three focus value chains of the RESourceEU plan', () => {
    expect(ids(defaultCrisisScopes())).toEqual(['rare-earth-magnets', 'battery-raw-materials', 'defence-raw-materials']);
  });

  it('name only known CRMA list codes, without duplicates, each with a reason', () => {
    expect(crisisScopesFileProblems(file as CrisisScopesFile)).toEqual([]);
  });

  it('integrity check catches unknown materials, duplicates and missing reasons', () => {
    const broken: CrisisScopesFile = {
      ...(file as CrisisScopesFile),
      scopes: [
        {
          id: 'Solar PV',
          name: 'Solar',
          description: 'x',
          source: 'x',
          materials: [
            { code: 'silver', why: 'contacts' },
            { code: 'silicon-metal', why: 'wafers' },
            { code: 'silicon-metal', why: '' },
          ],
        },
      ],
    };
    const problems = crisisScopesFileProblems(broken).join('\n');
    expect(problems).toMatch(/"Solar PV" is not a lower-case code/);
    expect(problems).toMatch(/"silver", not a CRMA list code/);
    expect(problems).toMatch(/names "silicon-metal" twice/);
    expect(problems).toMatch(/does not say why it watches "silicon-metal"/);
  });

  it('cover a filed rare-earth element through its group', () => {
    expect(ids(scopesForMaterial('neodymium'))).toEqual(['rare-earth-magnets']);
    expect(ids(scopesForMaterial('dysprosium'))).toEqual(['rare-earth-magnets']);
  });

  it('cover an aliased material through its list entry', () => {
    expect(ids(scopesForMaterial('nickel'))).toEqual(['battery-raw-materials']);
    expect(ids(scopesForMaterial('gallium'))).toEqual(['defence-raw-materials']);
  });

  it('leave out materials no default chain watches, and unknown codes', () => {
    expect(scopesForMaterial('helium')).toEqual([]);
    expect(scopesForMaterial('unobtainium')).toEqual([]);
    const magnets = crisisScope('rare-earth-magnets')!;
    expect(scopeCoversMaterial(magnets, 'lithium')).toBe(false);
    expect(scopeCoversMaterial(magnets, 'boron')).toBe(true);
  });
});
