import file from './eu-supply-baseline.json';
import { BaselineFigure, StageBaseline, SupplyBaseline } from './supply-baseline.model';
import { loadSupplyBaseline } from './supply-baseline-file';

const baseline = loadSupplyBaseline(file);

/** The EU supply baseline per critical raw material (`eu-supply-baseline.json`), checked at load. */
export function supplyBaseline(): SupplyBaseline {
  return baseline;
}

/** A country's share of EU sourcing at one stage; unknown when the sources do not give it. */
export function shareOfEuSourcing(stage: StageBaseline, country: string): BaselineFigure {
  if (country === 'CN' && stage.chinaShareOfEuSourcing.status === 'known') return stage.chinaShareOfEuSourcing;
  const suppliers = stage.euSuppliers;
  if (suppliers.status === 'unknown')
    return { status: 'unknown', value: null, note: `EU suppliers of the ${stage.stage} stage are not known` };
  const entry = suppliers.value.find((supplier) => supplier.country === country);
  if (entry) return { status: 'known', value: entry.share, sources: suppliers.sources };
  return {
    status: 'unknown',
    value: null,
    note: `${country} is not among the main EU suppliers listed for the ${stage.stage} stage`,
  };
}
