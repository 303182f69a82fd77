import { initialScopeModeState, loadPolicyConfiguration, ScopeModeState } from '@imera/domain/imera-modes';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { nextWakeUp } from './next-wake-up';

const policy = loadPolicyConfiguration(policyFile);
const vigilance: ScopeModeState = {
  ...initialScopeModeState(),
  scopeId: 's',
  vigilance: { proposalId: 'p', act: { reference: 'CID', adoptedOn: '2025-04-08', simulated: false }, since: '2025-04-08T00:00:00Z', until: '2025-10-08T00:00:00Z', goods: ['m'], extensions: 0 },
};
const at = (iso: string) => Date.parse(iso);

describe('next wake-up of the scope-modes process manager', () => {
  it('wakes at the start of the extension window, then at the end of the period', () => {
    expect(nextWakeUp(vigilance, undefined, policy, '2025-05-01T00:00:00Z')).toBe(at('2025-09-17T00:00:00Z'));
    expect(nextWakeUp(vigilance, undefined, policy, '2025-09-20T00:00:00Z')).toBe(at('2025-10-08T00:00:00Z'));
  });

  it('wakes when a recovery has lasted long enough for a lapse, then for a deactivation proposal', () => {
    const memory = { recoveredSince: { vigilance: '2025-06-10T09:00:00Z', emergency: null } };
    expect(nextWakeUp(vigilance, memory, policy, '2025-06-10T09:00:00Z')).toBe(at('2025-06-13T09:00:00Z'));
    expect(nextWakeUp(vigilance, memory, policy, '2025-06-14T00:00:00Z')).toBe(at('2025-06-24T09:00:00Z'));
  });

  it('wakes for the simulated Council only when simulated acts are on; nothing is due in normal mode', () => {
    const proposed: ScopeModeState = { ...initialScopeModeState(), scopeId: 's', proposal: { proposalId: 'p', kind: 'activation', mode: 'vigilance', proposedAt: '2025-04-04T10:00:00Z' } };
    expect(nextWakeUp(proposed, undefined, policy, '2025-04-04T10:00:00Z')).toBeUndefined();
    const auto = loadPolicyConfiguration({ ...policyFile, autoDecision: { ...policyFile.autoDecision, enabled: true } });
    expect(nextWakeUp(proposed, undefined, auto, '2025-04-04T10:00:00Z')).toBe(at('2025-04-06T10:00:00Z'));
  });
});
