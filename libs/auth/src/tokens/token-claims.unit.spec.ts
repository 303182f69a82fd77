import { memberStateCode } from '@imera/reference-data';
import { Principal } from '../roles/principal';
import { claimsForPrincipal, principalFromClaims } from './token-claims';

const problemOf = (claims: Record<string, unknown>) => {
  const check = principalFromClaims(claims);
  return check.ok ? undefined : check.problem;
};

describe('principal from token claims', () => {
  it.each<Principal>([
    { subject: 'desk-de', role: 'member-state-authority', memberState: memberStateCode('DE'), name: 'Federal desk' },
    { subject: 'analyst', role: 'commission-analyst' },
    { subject: 'duty', role: 'crisis-cell' },
    { subject: 'gsc', role: 'council-secretariat' },
    { subject: 'plant', role: 'economic-operator', operatorId: 'op:FR-0007' },
    { subject: 'lead', role: 'exercise-runner', exerciseId: 'ex-1' },
    { subject: 'admin', role: 'exercise-runner' },
  ])('round-trips a $role principal', (principal) => {
    expect(principalFromClaims({ ...claimsForPrincipal(principal), sub: principal.subject })).toEqual({ ok: true, principal });
  });

  it('ignores claims it does not know (identity providers add their own)', () => {
    const check = principalFromClaims({ sub: 'duty', role: 'crisis-cell', scope: 'openid', azp: 'portal' });
    expect(check).toEqual({ ok: true, principal: { subject: 'duty', role: 'crisis-cell' } });
  });

  it('refuses a member-state-authority without a valid Member State, saying why', () => {
    expect(problemOf({ sub: 'x', role: 'member-state-authority' })).toMatch(/needs a valid "member_state"/);
    expect(problemOf({ sub: 'x', role: 'member-state-authority', member_state: 'GR' })).toMatch(/EU code for Greece is EL/);
    expect(problemOf({ sub: 'x', role: 'member-state-authority', member_state: 'UK' })).toMatch(/left the EU/);
  });

  it('refuses an unknown or missing role and a missing subject', () => {
    expect(problemOf({ sub: 'x', role: 'admin' })).toMatch(/"role" claim must be one of .*got "admin"/);
    expect(problemOf({ sub: 'x' })).toMatch(/got nothing/);
    expect(problemOf({ role: 'crisis-cell' })).toMatch(/"sub" claim/);
    expect(problemOf({ sub: '  ', role: 'crisis-cell' })).toMatch(/"sub" claim/);
  });

  it('refuses binding claims that do not belong to the role', () => {
    expect(problemOf({ sub: 'x', role: 'crisis-cell', member_state: 'DE' })).toMatch(/crisis-cell token must not carry "member_state"/);
    expect(problemOf({ sub: 'x', role: 'member-state-authority', member_state: 'DE', operator_id: 'op-1' })).toMatch(
      /must not carry "operator_id"/,
    );
    expect(problemOf({ sub: 'x', role: 'economic-operator', operator_id: 'op-1', exercise_id: 'ex-1' })).toMatch(
      /must not carry "exercise_id"/,
    );
  });

  it('refuses malformed operator and exercise ids', () => {
    expect(problemOf({ sub: 'x', role: 'economic-operator' })).toMatch(/needs an "operator_id"/);
    expect(problemOf({ sub: 'x', role: 'economic-operator', operator_id: 'op 1' })).toMatch(/needs an "operator_id"/);
    expect(problemOf({ sub: 'x', role: 'exercise-runner', exercise_id: 42 })).toMatch(/"exercise_id" is not a valid exercise id/);
  });

  it('binds an exercise-runner token only to an id an exercise can have', () => {
    for (const id of ['ex:1', '../live', 'a..b', `x${'y'.repeat(100)}`, '-leading-dash']) {
      expect(problemOf({ sub: 'x', role: 'exercise-runner', exercise_id: id })).toMatch(/"exercise_id" is not a valid exercise id/);
    }
    expect(problemOf({ sub: 'x', role: 'exercise-runner', exercise_id: 'april-2025_rare-earths.v2' })).toBeUndefined();
  });
});
