import { Event, streamName } from '@imera/event-sourcing';

/**
 * A Member State's report of the strategic stock it holds of one raw material (CRMA Art 22). The latest
 * report per Member State and material is the current level; earlier ones stay as history.
 */
export type StrategicStockReported = Event<
  'StrategicStockReported',
  {
    readonly reportId: string;
    /** Reporting Member State (ISO 3166-1 alpha-2, EL for Greece). */
    readonly memberState: string;
    /** Raw-material code from the reference data. */
    readonly material: string;
    readonly tonnesHeld: number;
    /** Stock as a fraction of a year's national consumption (0.25 = three months); absent when not reported. */
    readonly shareOfNationalConsumption?: number;
    /** CRMA Art 22 details, free text as reported: form (ore, concentrate, metal...), purity, release rules. */
    readonly form?: string;
    readonly purity?: string;
    readonly releaseRules?: string;
    /** The date the reported level refers to. */
    readonly reportedAt: string;
    readonly recordedAt: string;
  }
>;

export type StrategicStockEvent = StrategicStockReported;

export const STRATEGIC_STOCK_SCHEMA_VERSION = 1;

/** One stream per Member State and material: `strategicStock-FR-gallium`. */
export function strategicStockStream(memberState: string, material: string): string {
  return streamName('strategicStock', `${memberState}-${material}`);
}
