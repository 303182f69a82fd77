import { DatasetInfo } from '../dataset';

/**
 * A figure of the baseline: known, with the sources it comes from, or unknown. An unknown figure is
 * `null` and must be shown as unknown: the system never estimates a missing figure.
 */
export type BaselineFigure<T = number> =
  | { readonly status: 'known'; readonly value: T; readonly sources: readonly string[]; readonly note?: string }
  | { readonly status: 'unknown'; readonly value: null; readonly note?: string };

export const SUPPLY_STAGES = ['extraction', 'processing'] as const;
export type SupplyStage = (typeof SUPPLY_STAGES)[number];

/** A country's share of EU sourcing, 0..1. Country codes: ISO 3166-1 alpha-2, EL for Greece. */
export interface SourcingShare {
  readonly country: string;
  readonly share: number;
}

/** One stage of the value chain (extraction or processing) of one material. */
export interface StageBaseline {
  readonly stage: SupplyStage;
  /** The main countries the EU sources from (>= 1%); they need not add up to 1. */
  readonly euSuppliers: BaselineFigure<readonly SourcingShare[]>;
  readonly chinaShareOfEuSourcing: BaselineFigure;
  /** An upper bound for knock-on effects through other suppliers. */
  readonly chinaShareOfGlobalSupply: BaselineFigure;
  readonly importReliance: BaselineFigure;
}

export interface AnnualVolume {
  /** A range when the source gives one ("about 40-45 t"); equal bounds otherwise. */
  readonly lowTonnes: number;
  readonly highTonnes: number;
  readonly basis: 'consumption' | 'demand' | 'imports';
  readonly year: number | null;
}

export interface MaterialBaseline {
  /** CRMA Annex II code. */
  readonly code: string;
  /** The row name in the sources when it differs from the code (nickel for battery-grade nickel). */
  readonly sourceRow?: string;
  readonly stages: readonly StageBaseline[];
  /** End-of-life recycling input rate, 0..1. */
  readonly recyclingInputRate: BaselineFigure;
  /** EU criticality assessment scores (SR, EI). */
  readonly supplyRisk: BaselineFigure;
  readonly economicImportance: BaselineFigure;
  readonly euAnnualConsumption: BaselineFigure<AnnualVolume>;
  readonly euAnnualImports: BaselineFigure<AnnualVolume>;
  readonly notes: readonly string[];
}

/** A volume that the sources give for several materials together; informative, not used by indicators. */
export interface AggregateVolume {
  readonly subject: string;
  readonly materials: readonly string[];
  readonly basis: string;
  readonly year: number;
  readonly tonnes: number;
  readonly partners: readonly { readonly country: string; readonly share?: number; readonly tonnes?: number }[];
  readonly sources: readonly string[];
  readonly note?: string;
}

export interface SupplyBaseline {
  readonly info: DatasetInfo;
  /** `eu-supply-baseline@1`: what indicators record so a replay knows which figures were used. */
  readonly ref: string;
  readonly materials: Readonly<Record<string, MaterialBaseline>>;
  readonly aggregates: readonly AggregateVolume[];
}
