import { KeyMarketOperator, OperatorRole } from '@imera/domain/operator-notifications';
import { SeededRandom, WeightedChoice } from './seeded-random';
import { NOTIFIED_MATERIALS, ROLES_BY_WEIGHT, SITES } from './vocabulary';

/** A key market operator (CRMA Art 21(2)) of the synthetic population, with the material it depends on. */
export interface SyntheticOperator {
  readonly operator: KeyMarketOperator;
  readonly memberState: string;
  readonly material: string;
  /** Tonnes a year of the material the operator uses: the scale of its notifications. */
  readonly tonnesPerYear: number;
}

const ROLE_WORDS: Readonly<Record<OperatorRole, string>> = {
  extraction: 'Mining',
  processing: 'Processing',
  refining: 'Refinery',
  recycling: 'Recycling',
  'magnet-manufacturing': 'Magnetics',
  'component-manufacturing': 'Components',
  other: 'Industries',
};

/** Key market operators spread over the Member States, each depending on one notified material. */
export function operatorPopulation(random: SeededRandom, count: number): SyntheticOperator[] {
  const roles = new WeightedChoice(ROLES_BY_WEIGHT);
  const materials = new WeightedChoice(NOTIFIED_MATERIALS);
  const memberStates = Object.keys(SITES);
  return Array.from({ length: count }, (_, index) => {
    const memberState = memberStates[index % memberStates.length];
    const site = random.pick(SITES[memberState]);
    const role = roles.pick(random);
    const id = `op-${memberState.toLowerCase()}-${String(index).padStart(4, '0')}`;
    return {
      operator: { id, name: `${site} ${ROLE_WORDS[role]} ${String.fromCharCode(65 + (index % 26))}`, site: { name: site, country: memberState }, role },
      memberState,
      material: materials.pick(random),
      tonnesPerYear: random.int(2, 2_000),
    };
  });
}
