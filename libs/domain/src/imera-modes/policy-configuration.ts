import { z } from 'zod';
import { indicatorSettingsSchema, SCOPE_INDICATOR_NAMES } from '@imera/domain/supply-indicators';
import { ModeRules, VIGILANCE_MAX_PERIOD_MONTHS } from './mode-period';

const trigger = z.strictObject({
  indicator: z.enum(SCOPE_INDICATOR_NAMES),
  /** `above`: reached at or above `enter`, recovered at or below `exit`; `below` the other way round. */
  direction: z.enum(['above', 'below']),
  enter: z.number(),
  exit: z.number(),
});

const level = z.strictObject({ minTriggers: z.number().int().min(1), triggers: z.array(trigger).min(1) });
const label = z.string().min(1);

const policyFile = z.strictObject({
  policy: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  label,
  indicators: indicatorSettingsSchema,
  escalation: z.strictObject({ label, vigilance: level, emergency: level }),
  deEscalation: z.strictObject({
    label,
    lapseProposalAfterDays: z.number().min(0),
    proposeDeactivationAfterDays: z.number().min(0),
  }),
  extension: z.strictObject({ label, proposeDaysBeforeEnd: z.number().min(0) }),
  modes: z.strictObject({ label, emergencyMaxPeriodMonths: z.number().int().min(1) }),
  autoDecision: z.strictObject({
    label,
    enabled: z.boolean(),
    delayHours: z.number().min(0),
    periodMonths: z.strictObject({ vigilance: z.number().int().min(1), emergency: z.number().int().min(1) }),
  }),
});

/** The escalation policy's thresholds, hysteresis and settings: defaults, not law (`config/policy`). */
export type PolicyConfiguration = z.infer<typeof policyFile>;
export type EscalationTrigger = z.infer<typeof trigger>;
export type EscalationLevelRule = z.infer<typeof level>;

/** Checks a policy file and returns it typed; throws listing every problem. */
/** A policy document that does not parse or breaks its own rules. */
export class PolicyConfigurationError extends Error {
  override readonly name = 'PolicyConfigurationError';
}

export function loadPolicyConfiguration(json: unknown): PolicyConfiguration {
  const parsed = policyFile.safeParse(json);
  if (!parsed.success) throw new PolicyConfigurationError(`Policy configuration is malformed: ${z.prettifyError(parsed.error)}`);
  const problems = policyProblems(parsed.data);
  if (problems.length > 0) throw new PolicyConfigurationError(`Policy configuration is inconsistent: ${problems.join('; ')}`);
  return parsed.data;
}

/** `default-policy@1`: what proposals record so a reader knows which thresholds applied. */
export function policyRef(config: PolicyConfiguration): string {
  return `${config.policy}@${config.version}`;
}

export function modeRulesOf(config: PolicyConfiguration): ModeRules {
  return { emergencyMaxPeriodMonths: config.modes.emergencyMaxPeriodMonths };
}

function policyProblems(config: PolicyConfiguration): string[] {
  const problems: string[] = [];
  for (const name of ['vigilance', 'emergency'] as const) {
    const rule = config.escalation[name];
    if (rule.minTriggers > rule.triggers.length)
      problems.push(`${name} needs ${rule.minTriggers} triggers but has ${rule.triggers.length}`);
    for (const t of rule.triggers) {
      // Hysteresis: recovering must take more than falling back just under the enter value.
      const loose = t.direction === 'above' ? t.exit > t.enter : t.exit < t.enter;
      if (loose) problems.push(`${name} trigger ${t.indicator}: exit ${t.exit} lies beyond enter ${t.enter}`);
    }
  }
  const { vigilance, emergency } = config.autoDecision.periodMonths;
  if (vigilance > VIGILANCE_MAX_PERIOD_MONTHS)
    problems.push(`auto-decision vigilance period exceeds ${VIGILANCE_MAX_PERIOD_MONTHS} months (IMERA Art 14-15)`);
  if (emergency > config.modes.emergencyMaxPeriodMonths)
    problems.push('auto-decision emergency period exceeds the configured maximum');
  return problems;
}
