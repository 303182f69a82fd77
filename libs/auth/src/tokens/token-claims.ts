import { isExerciseId } from '@imera/event-sourcing';
import { checkMemberStateCode } from '@imera/reference-data';
import { Principal } from '../roles/principal';
import { isRole, Role, ROLES } from '../roles/roles';

/** Private claim names a token carries besides the registered ones (iss, sub, aud, exp, nbf, iat, jti). */
export const CLAIMS = {
  role: 'role',
  memberState: 'member_state',
  operatorId: 'operator_id',
  exerciseId: 'exercise_id',
  name: 'name',
} as const;

/** The binding claim each role needs (required) or may carry (optional); any other binding is refused. */
const BINDINGS: Record<Role, { claim?: string; required?: boolean }> = {
  'member-state-authority': { claim: CLAIMS.memberState, required: true },
  'commission-analyst': {},
  'crisis-cell': {},
  'council-secretariat': {},
  'economic-operator': { claim: CLAIMS.operatorId, required: true },
  'exercise-runner': { claim: CLAIMS.exerciseId, required: false },
};
const BINDING_CLAIMS = [CLAIMS.memberState, CLAIMS.operatorId, CLAIMS.exerciseId];
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export type ClaimsCheck = { ok: true; principal: Principal } | { ok: false; problem: string };

/** Reads a principal from verified claims, refusing anything ambiguous or incomplete. */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>): ClaimsCheck {
  const { sub, [CLAIMS.role]: role, [CLAIMS.name]: name } = claims;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 256) {
    return refuse('the "sub" claim must name the caller (1 to 256 characters)');
  }
  if (!isRole(role)) return refuse(`the "role" claim must be one of ${ROLES.join(', ')}; got ${describe(role)}`);
  if (name !== undefined && (typeof name !== 'string' || name.length > 200)) {
    return refuse('the "name" claim must be text of at most 200 characters');
  }
  const binding = BINDINGS[role];
  const stray = BINDING_CLAIMS.find((claim) => claim !== binding.claim && claims[claim] !== undefined);
  if (stray) return refuse(`a ${role} token must not carry "${stray}"`);
  const base = { subject: sub, ...(typeof name === 'string' ? { name } : {}) };
  return bindRole(role, base, claims);
}

function bindRole(role: Role, base: { subject: string; name?: string }, claims: Readonly<Record<string, unknown>>): ClaimsCheck {
  switch (role) {
    case 'member-state-authority': {
      const check = checkMemberStateCode(claims[CLAIMS.memberState]);
      if (!check.ok) return refuse(`a member-state-authority token needs a valid "member_state": ${check.reason}`);
      return accept({ ...base, role, memberState: check.code });
    }
    case 'economic-operator': {
      const operatorId = claims[CLAIMS.operatorId];
      if (!isIdentifier(operatorId)) return refuse(`an economic-operator token needs an "operator_id"; got ${describe(operatorId)}`);
      return accept({ ...base, role, operatorId });
    }
    case 'exercise-runner': {
      const exerciseId = claims[CLAIMS.exerciseId];
      if (exerciseId === undefined) return accept({ ...base, role });
      if (!isExerciseId(exerciseId)) return refuse(`"exercise_id" is not a valid exercise id; got ${describe(exerciseId)}`);
      return accept({ ...base, role, exerciseId });
    }
    default:
      return accept({ ...base, role });
  }
}

/** The private claims that describe a principal in a token (the subject goes in `sub`). */
export function claimsForPrincipal(principal: Principal): Record<string, string> {
  const claims: Record<string, string> = { [CLAIMS.role]: principal.role };
  if (principal.name !== undefined) claims[CLAIMS.name] = principal.name;
  if (principal.role === 'member-state-authority') claims[CLAIMS.memberState] = principal.memberState;
  if (principal.role === 'economic-operator') claims[CLAIMS.operatorId] = principal.operatorId;
  if (principal.role === 'exercise-runner' && principal.exerciseId !== undefined) {
    claims[CLAIMS.exerciseId] = principal.exerciseId;
  }
  return claims;
}

/** Operator and exercise ids: letters, digits and . _ : - (up to 128 characters). */
export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIER.test(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

function accept(principal: Principal): ClaimsCheck {
  return { ok: true, principal: Object.freeze(principal) };
}

function refuse(problem: string): ClaimsCheck {
  return { ok: false, problem };
}
