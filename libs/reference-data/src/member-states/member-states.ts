import { DatasetInfo, datasetInfo } from '../dataset';
import file from './member-states.json';

/** An EU Member State code as EU institutions write it (EL for Greece). */
export type MemberStateCode = string & { readonly __brand: 'MemberStateCode' };

export interface MemberState {
  readonly code: MemberStateCode;
  readonly name: string;
}

interface MemberStatesFile extends DatasetInfo {
  readonly memberStates: readonly { code: string; name: string }[];
  readonly notMemberStates: Readonly<Record<string, string>>;
}

const data = file as MemberStatesFile;
export const EU_MEMBER_STATES: DatasetInfo = datasetInfo(data);

const byCode = new Map(data.memberStates.map((state) => [state.code, Object.freeze(state as MemberState)]));

/** The 27 Member States in protocol order. */
export function memberStates(): readonly MemberState[] {
  return [...byCode.values()];
}

export function isMemberStateCode(value: unknown): value is MemberStateCode {
  return typeof value === 'string' && byCode.has(value);
}

export function memberState(code: string): MemberState | undefined {
  return byCode.get(code);
}

export type MemberStateCheck = { ok: true; code: MemberStateCode } | { ok: false; reason: string };

/** Accepts exactly the 27 EU codes and says why anything else is refused. */
export function checkMemberStateCode(value: unknown): MemberStateCheck {
  if (isMemberStateCode(value)) return { ok: true, code: value };
  if (typeof value !== 'string') return { ok: false, reason: 'a Member State code must be a string' };
  const known = data.notMemberStates[value.toUpperCase()];
  if (known) return { ok: false, reason: `"${value}" is not an EU Member State code: ${known}` };
  if (byCode.has(value.toUpperCase())) {
    return { ok: false, reason: `"${value}" must be written in capitals: "${value.toUpperCase()}"` };
  }
  return { ok: false, reason: `"${value}" is not one of the 27 EU Member State codes` };
}

/** For values already trusted to be valid (configuration, tests); throws with the reason otherwise. */
export function memberStateCode(value: string): MemberStateCode {
  const check = checkMemberStateCode(value);
  if (!check.ok) throw new Error(check.reason);
  return check.code;
}
