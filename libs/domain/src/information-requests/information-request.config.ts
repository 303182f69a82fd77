/**
 * Penalties stated in a mandatory information request. Unverified: IMERA's adopted text on fines for
 * information requests could not be confirmed, so these terms are configuration and every request that
 * carries them says whether they were confirmed.
 */
export interface PenaltyTerms {
  readonly status: 'unverified-default' | 'confirmed';
  /** Where the figures come from, shown to the operator next to them. */
  readonly source: string;
  readonly maximumFine?: { readonly amount: number; readonly currency: string };
  /** Periodic penalty per day of delay, as a share (0..1) of average daily turnover. */
  readonly periodicPenaltyShareOfDailyTurnover?: number;
}

export interface InformationRequestPolicy {
  /** Penalties announced in mandatory requests; undefined means none are announced. */
  readonly mandatoryRequestPenalties?: PenaltyTerms;
}

/** Default, not law: the figures of the Commission's 2022 proposal, which the adopted text may not keep. */
export const DEFAULT_INFORMATION_REQUEST_POLICY: InformationRequestPolicy = {
  mandatoryRequestPenalties: {
    status: 'unverified-default',
    source: "the Commission's 2022 proposal, not the adopted text",
    maximumFine: { amount: 300_000, currency: 'EUR' },
    periodicPenaltyShareOfDailyTurnover: 0.015,
  },
};
