import { memberStateCode } from '@imera/reference-data';
import { Principal } from '../roles/principal';
import { isCommissionRole, ROLES } from '../roles/roles';
import {
  boundExercise,
  hasRole,
  isCommission,
  isExercisePrincipal,
  mayActAsOperator,
  mayActInExercise,
  mayFileForMemberState,
  mayViewConfidentialDetails,
} from './authorisation';

const german: Principal = { subject: 'bmwk-desk-1', role: 'member-state-authority', memberState: memberStateCode('DE') };
const greek: Principal = { subject: 'ypen-desk', role: 'member-state-authority', memberState: memberStateCode('EL') };
const analyst: Principal = { subject: 'grow-analyst', role: 'commission-analyst' };
const crisisCell: Principal = { subject: 'crisis-cell-duty', role: 'crisis-cell' };
const council: Principal = { subject: 'gsc-officer', role: 'council-secretariat' };
const operator: Principal = { subject: 'magnet-plant-api', role: 'economic-operator', operatorId: 'op-0042' };
const runner: Principal = { subject: 'exercise-lead', role: 'exercise-runner', exerciseId: 'ex-2026-rare-earths' };
const anyRunner: Principal = { subject: 'exercise-admin', role: 'exercise-runner' };
const everyone = [german, greek, analyst, crisisCell, council, operator, runner, anyRunner];

describe('roles', () => {
  it('counts the analysts and the crisis cell as the Commission, and nobody else', () => {
    expect(ROLES.filter(isCommissionRole)).toEqual(['commission-analyst', 'crisis-cell']);
    expect(everyone.filter(isCommission)).toEqual([analyst, crisisCell]);
  });

  it('tells whether a principal holds one of several roles', () => {
    expect(hasRole(council, 'crisis-cell', 'council-secretariat')).toBe(true);
    expect(hasRole(analyst, 'crisis-cell')).toBe(false);
  });
});

describe('filing for a Member State (CRMA Art 21(2))', () => {
  it('lets an authority file for its own Member State only', () => {
    expect(mayFileForMemberState(german, 'DE')).toBe(true);
    expect(mayFileForMemberState(german, 'FR')).toBe(false);
    expect(mayFileForMemberState(greek, 'EL')).toBe(true);
    expect(mayFileForMemberState(greek, 'GR')).toBe(false);
  });

  it('does not let the Commission, the Council or an operator file', () => {
    for (const principal of [analyst, crisisCell, council, operator]) expect(mayFileForMemberState(principal, 'DE')).toBe(false);
  });

  it('lets an exercise runner file for any Member State, inside its own exercise only', () => {
    expect(mayFileForMemberState(runner, 'DE')).toBe(false);
    expect(mayFileForMemberState(runner, 'DE', { exerciseId: 'ex-2026-rare-earths' })).toBe(true);
    expect(mayFileForMemberState(runner, 'DE', { exerciseId: 'ex-other' })).toBe(false);
    expect(mayFileForMemberState(anyRunner, 'DE', { exerciseId: 'ex-other' })).toBe(true);
  });
});

describe('confidential details of a filing', () => {
  it('are shown to the filing Member State and the Commission', () => {
    const filing = { memberState: 'DE' };
    expect(everyone.filter((principal) => mayViewConfidentialDetails(principal, filing))).toEqual([german, analyst, crisisCell]);
  });

  it('of an exercise filing are also shown to that exercise runner', () => {
    expect(mayViewConfidentialDetails(runner, { memberState: 'DE', exerciseId: 'ex-2026-rare-earths' })).toBe(true);
    expect(mayViewConfidentialDetails(runner, { memberState: 'DE', exerciseId: 'ex-other' })).toBe(false);
  });
});

describe('acting as an economic operator', () => {
  it('is allowed for that operator only', () => {
    expect(mayActAsOperator(operator, 'op-0042')).toBe(true);
    expect(mayActAsOperator(operator, 'op-0043')).toBe(false);
    expect(mayActAsOperator(crisisCell, 'op-0042')).toBe(false);
  });

  it('is allowed to an exercise runner inside its exercise', () => {
    expect(mayActAsOperator(runner, 'op-0042', { exerciseId: 'ex-2026-rare-earths' })).toBe(true);
    expect(mayActAsOperator(runner, 'op-0042')).toBe(false);
  });
});

describe('exercise principals', () => {
  it('are exercise runners, bound to one exercise or to any', () => {
    expect(everyone.filter(isExercisePrincipal)).toEqual([runner, anyRunner]);
    expect(boundExercise(runner)).toBe('ex-2026-rare-earths');
    expect(boundExercise(anyRunner)).toBeUndefined();
    expect(boundExercise(crisisCell)).toBeUndefined();
    expect(mayActInExercise(runner, 'ex-other')).toBe(false);
    expect(mayActInExercise(anyRunner, 'ex-other')).toBe(true);
    expect(mayActInExercise(crisisCell, 'ex-2026-rare-earths')).toBe(false);
  });
});
