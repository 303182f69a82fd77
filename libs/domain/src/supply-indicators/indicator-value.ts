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

export function known(value: number, evidence: readonly EvidenceRef[] = []): IndicatorValue {
  return { value, evidence };
}

export function unknownValue(reasons: readonly string[], evidence: readonly EvidenceRef[] = []): IndicatorValue {
  return { value: null, unknown: reasons, evidence };
}
