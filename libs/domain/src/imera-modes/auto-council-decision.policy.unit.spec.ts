import { foldEvents } from '@imera/event-sourcing';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { autoCouncilDecision } from './auto-council-decision.policy';
import { loadPolicyConfiguration, modeRulesOf } from './policy-configuration';
import { ScopeModeCommand } from './scope-mode.commands';
import { createScopeModeDecider } from './scope-mode.decider';
import { ProposalGrounds, ScopeModeEvent } from './scope-mode.events';
import { toScopeModeSnapshot } from './scope-mode-snapshot';

const enabled = loadPolicyConfiguration({ ...policyFile, autoDecision: { ...policyFile.autoDecision, enabled: true } });
const disabled = loadPolicyConfiguration(policyFile);
const decider = createScopeModeDecider(modeRulesOf(enabled));
const scopeId = 'defence-raw-materials';
const grounds: ProposalGrounds = {
  rationale: 'exercise',
  indicatorsAsOf: '2026-06-01T00:00:00Z',
  indicators: [],
  evidence: [],
};
const goods = ['tungsten carbide', 'antimony trisulphide'];

function apply(events: ScopeModeEvent[], command: ScopeModeCommand | null): ScopeModeEvent[] {
  if (!command) throw new Error('expected a command');
  return [...events, ...decider.decide(command, foldEvents(decider, events))];
}

const proposed = apply([], {
  kind: 'ProposeVigilanceMode',
  scopeId,
  proposalId: 'p1',
  grounds,
  actor: { subject: 'runner', role: 'exercise-runner' },
  now: '2026-06-01T00:00:00Z',
});
const input = (now: string, events = proposed) => ({ scopeId, now, modes: foldEvents(decider, events), goods });

describe('auto-decision for demonstrations and exercises', () => {
  it('yields nothing when disabled, which is the default', () => {
    expect(disabled.autoDecision.enabled).toBe(false);
    expect(autoCouncilDecision(input('2026-07-01T00:00:00Z'), disabled)).toBeNull();
  });

  it('waits for the configured delay', () => {
    expect(autoCouncilDecision(input('2026-06-02T23:59:59Z'), enabled)).toBeNull();
    expect(autoCouncilDecision(input('2026-06-03T00:00:00Z'), enabled)).not.toBeNull();
  });

  it('yields a Council act marked as simulated, which the decider records as such', () => {
    const command = autoCouncilDecision(input('2026-06-03T00:00:00Z'), enabled);
    expect(command).toMatchObject({
      kind: 'ActivateVigilanceMode',
      proposalId: 'p1',
      act: { simulated: true, adoptedOn: '2026-06-03' },
      period: { from: '2026-06-03T00:00:00Z', until: '2026-12-03T00:00:00.000Z' },
      goodsOfCriticalImportance: goods,
      actor: { subject: 'system:auto-council-decision', role: 'system' },
    });
    const events = apply(proposed, command);
    expect(events.at(-1)).toMatchObject({ type: 'VigilanceModeActivated', data: { act: { simulated: true } } });
    expect(toScopeModeSnapshot(foldEvents(decider, events)).mode).toBe('vigilance');
  });

  it('decides extension and deactivation proposals too, within the legal maximum', () => {
    let events = apply(proposed, autoCouncilDecision(input('2026-06-03T00:00:00Z'), enabled));
    events = apply(events, {
      kind: 'ProposeModeExtension',
      scopeId,
      proposalId: 'p2',
      mode: 'vigilance',
      grounds,
      actor: { subject: 'runner', role: 'exercise-runner' },
      now: '2026-11-20T00:00:00Z',
    });
    const extension = autoCouncilDecision(input('2026-11-22T00:00:00Z', events), enabled);
    expect(extension).toMatchObject({ kind: 'ExtendMode', until: '2027-06-03T00:00:00.000Z' });
    events = apply(events, extension);
    events = apply(events, {
      kind: 'ProposeModeDeactivation',
      scopeId,
      proposalId: 'p3',
      mode: 'vigilance',
      grounds,
      actor: { subject: 'runner', role: 'exercise-runner' },
      now: '2027-01-10T00:00:00Z',
    });
    events = apply(events, autoCouncilDecision(input('2027-01-12T00:00:00Z', events), enabled));
    expect(events.at(-1)).toMatchObject({ type: 'VigilanceModeDeactivated', data: { act: { simulated: true } } });
  });

  it('yields nothing without an open proposal', () => {
    const active = apply(proposed, autoCouncilDecision(input('2026-06-03T00:00:00Z'), enabled));
    expect(autoCouncilDecision(input('2026-07-03T00:00:00Z', active), enabled)).toBeNull();
  });
});
