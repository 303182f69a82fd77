import { EscalatedMode, EscalationPolicyMemory, nextModeExpiryAt, PolicyConfiguration, ScopeModeState } from '@imera/domain/imera-modes';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/**
 * The next moment (epoch ms, after `now`) at which something may fall due for a scope without any new event:
 * a period's end, the start of the extension window, a recovery lasting long enough for a lapse or a
 * deactivation proposal, or the end of the simulated Council's delay.
 */
export function nextWakeUp(
  modes: ScopeModeState,
  memory: EscalationPolicyMemory | undefined,
  policy: PolicyConfiguration,
  now: string,
): number | undefined {
  const candidates: number[] = [];
  const expiry = nextModeExpiryAt(modes);
  if (expiry) candidates.push(Date.parse(expiry));
  for (const mode of ['vigilance', 'emergency'] as const satisfies readonly EscalatedMode[]) {
    const period = modes[mode];
    if (period) candidates.push(Date.parse(period.until) - policy.extension.proposeDaysBeforeEnd * DAY_MS);
    const since = memory?.recoveredSince[mode];
    if (since) {
      candidates.push(Date.parse(since) + policy.deEscalation.lapseProposalAfterDays * DAY_MS);
      candidates.push(Date.parse(since) + policy.deEscalation.proposeDeactivationAfterDays * DAY_MS);
    }
  }
  if (modes.proposal && policy.autoDecision.enabled) candidates.push(Date.parse(modes.proposal.proposedAt) + policy.autoDecision.delayHours * HOUR_MS);
  const after = candidates.filter((at) => at > Date.parse(now));
  return after.length > 0 ? Math.min(...after) : undefined;
}
