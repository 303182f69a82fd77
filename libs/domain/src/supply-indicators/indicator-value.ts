import { EvidenceRef } from './evidence';

/** One indicator value and the events it rests on. */
export interface IndicatorValue {
  /** null when nothing is known. */
  readonly value: number | null;
  /**
   * What is unknown and why. When present next to a value, the value covers only what is known: a lower
   * bound for sums and shares.
   */
  readonly unknown?: readonly string[];
  readonly evidence: readonly EvidenceRef[];
}

/**
 * The evidence of a value, or how to list it. Listing the evidence of a count over every open notification
 * costs as much as the count's whole history, and most readers (the headline values, the trends) never look
 * at it, so it may be listed on first reading instead (see `lowerBound`).
 */
export type EvidenceSource = readonly EvidenceRef[] | (() => readonly EvidenceRef[]);

export function known(value: number, evidence: EvidenceSource = []): IndicatorValue {
  return withEvidence(value, undefined, evidence);
}

export function unknownValue(reasons: readonly string[], evidence: EvidenceSource = []): IndicatorValue {
  return withEvidence(null, reasons, evidence);
}

/** A value known only as a lower bound. */
export function lowerBound(value: number, reasons: readonly string[], evidence: () => readonly EvidenceRef[]): IndicatorValue {
  return withEvidence(value, reasons, evidence);
}

/**
 * The value with its evidence, a list or one listed on first reading. The accessor is an enumerable own
 * property in the same place as a plain `evidence` list: the object reads, spreads, compares and serialises
 * as if the list had been there from the start. Written out per shape: every indicator of every assessment
 * makes one, and literals of a fixed shape cost a fraction of a spread.
 */
function withEvidence(value: number | null, unknown: readonly string[] | undefined, evidence: EvidenceSource): IndicatorValue {
  if (typeof evidence !== 'function') return unknown ? { value, unknown, evidence } : { value, evidence };
  const list = listOnce(evidence);
  return unknown
    ? {
        value,
        unknown,
        get evidence() {
          return list();
        },
      }
    : {
        value,
        get evidence() {
          return list();
        },
      };
}

/** Lists evidence on the first call and keeps the list. */
export function listOnce(evidence: () => readonly EvidenceRef[]): () => readonly EvidenceRef[] {
  let listed: readonly EvidenceRef[] | undefined;
  return () => (listed ??= evidence());
}

/** The evidence of a value, as a source that lists it only when read. */
export function evidenceOfValue(value: IndicatorValue): () => readonly EvidenceRef[] {
  return () => value.evidence;
}
