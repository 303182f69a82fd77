import {
  EvidenceRef,
  isScopeIndicatorName,
  mergeEvidence,
  ScopeIndicators,
  scopeIndicator,
} from '@imera/domain/supply-indicators';
import { modeRank } from './imera-mode';
import { EscalationLevelRule, EscalationTrigger, PolicyConfiguration } from './policy-configuration';
import { EscalatedMode, IndicatorReading } from './scope-mode.events';

export type AssessedLevel = 'normal' | EscalatedMode;
export function atLeast(level: AssessedLevel, mode: EscalatedMode): boolean {
  return modeRank(level) >= modeRank(mode);
}

export interface LevelReadings {
  /** Each trigger against its enter value. */
  readonly enter: readonly IndicatorReading[];
  /** Each trigger against its exit value: met while the indicator has not recovered. */
  readonly hold: readonly IndicatorReading[];
}

/** Where a scope's indicators stand against the escalation thresholds. */
export interface EscalationAssessment {
  readonly asOf: string;
  /** Highest level whose enter thresholds are reached by enough triggers. */
  readonly reached: AssessedLevel;
  /** Highest level not yet recovered from: enough triggers still beyond their exit values. */
  readonly holding: AssessedLevel;
  readonly readings: Readonly<Record<EscalatedMode, LevelReadings>>;
}

export function assessEscalation(
  indicators: ScopeIndicators,
  escalation: PolicyConfiguration['escalation'],
): EscalationAssessment {
  const readings = {
    vigilance: readLevel(indicators, escalation.vigilance),
    emergency: readLevel(indicators, escalation.emergency),
  };
  const level = (pick: (r: LevelReadings) => readonly IndicatorReading[]): AssessedLevel => {
    if (enough(pick(readings.emergency), escalation.emergency)) return 'emergency';
    return enough(pick(readings.vigilance), escalation.vigilance) ? 'vigilance' : 'normal';
  };
  return { asOf: indicators.asOf, reached: level((r) => r.enter), holding: level((r) => r.hold), readings };
}

/** The evidence of the readings that were met. */
export function evidenceOfReadings(indicators: ScopeIndicators, readings: readonly IndicatorReading[]): EvidenceRef[] {
  const met = readings.flatMap(({ met, indicator }) =>
    met && isScopeIndicatorName(indicator) ? [scopeIndicator(indicators, indicator).evidence] : [],
  );
  return mergeEvidence(...met);
}

function readLevel(indicators: ScopeIndicators, rule: EscalationLevelRule): LevelReadings {
  return {
    enter: rule.triggers.map((t) => reading(indicators, t, t.enter, true)),
    hold: rule.triggers.map((t) => reading(indicators, t, t.exit, false)),
  };
}

function reading(
  indicators: ScopeIndicators,
  trigger: EscalationTrigger,
  threshold: number,
  inclusive: boolean,
): IndicatorReading {
  const indicator = scopeIndicator(indicators, trigger.indicator);
  const value = indicator.value;
  const met =
    value !== null &&
    (trigger.direction === 'above'
      ? inclusive
        ? value >= threshold
        : value > threshold
      : inclusive
        ? value <= threshold
        : value < threshold);
  const material = 'material' in indicator ? { material: indicator.material as string | null } : {};
  return { indicator: trigger.indicator, value, direction: trigger.direction, threshold, met, ...material };
}

function enough(readings: readonly IndicatorReading[], rule: EscalationLevelRule): boolean {
  return readings.filter((reading) => reading.met).length >= rule.minTriggers;
}
