import { Principal } from '@imera/auth';
import { dashboardSession } from './dashboard-session';

describe('what the dashboard shows each role', () => {
  it('the crisis cell and analysts: open instruments, every filing, the audit trail', () => {
    for (const role of ['crisis-cell', 'commission-analyst'] as const) {
      expect(dashboardSession({ role, subject: 's' }).shows).toEqual({ openInstruments: true, filings: 'all', auditTrail: true });
    }
  });

  it('a Member State authority: its own filings, no Commission views', () => {
    expect(dashboardSession({ role: 'member-state-authority', memberState: 'FR', subject: 'fr-1' } as Principal)).toEqual({
      subject: 'fr-1',
      role: 'member-state-authority',
      memberState: 'FR',
      shows: { openInstruments: false, filings: 'own', auditTrail: false },
    });
  });

  it('the Council secretariat: aggregates only', () => {
    expect(dashboardSession({ role: 'council-secretariat', subject: 'c', name: 'Council officer' })).toMatchObject({ name: 'Council officer', shows: { openInstruments: false, filings: 'none', auditTrail: false } });
  });

  it('an exercise runner bound to an exercise: that exercise', () => {
    expect(dashboardSession({ role: 'exercise-runner', exerciseId: 'stress-test-2026', subject: 'x' }).exerciseId).toBe('stress-test-2026');
  });
});
