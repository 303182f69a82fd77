import { loadPolicyConfiguration } from '@imera/domain/imera-modes';
import { deepMerge, exercisePolicy } from '../src/runtime';

describe("an exercise's policy", () => {
  it('lays the scenario\'s partial policy over the shipped one: objects merged, arrays replaced', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] }, d: 1 });
    const { document } = exercisePolicy({ escalation: { vigilance: { minTriggers: 2 } }, deEscalation: { lapseProposalAfterDays: 5 } }, 'scripted');
    const policy = loadPolicyConfiguration(document);
    expect(policy.escalation.vigilance.minTriggers).toBe(2);
    expect(policy.escalation.vigilance.triggers.length).toBeGreaterThan(0);
    expect(policy.deEscalation).toMatchObject({ lapseProposalAfterDays: 5, proposeDeactivationAfterDays: 14 });
    expect(policy.autoDecision.enabled).toBe(false);
  });

  it('turns the simulated Council on for decisions "auto", whatever the partial policy says', () => {
    const { document, source } = exercisePolicy({ autoDecision: { enabled: false, delayHours: 24 } }, 'auto');
    expect(loadPolicyConfiguration(document).autoDecision).toMatchObject({ enabled: true, delayHours: 24 });
    expect(source).toMatch(/decisions auto/);
  });
});
