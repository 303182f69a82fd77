import { checkMemberStateCode, isMemberStateCode, memberState, memberStateCode, memberStates } from './member-states';

describe('EU Member States', () => {
  it('lists 27 distinct two-letter codes', () => {
    const codes = memberStates().map((state) => state.code);
    expect(codes).toHaveLength(27);
    expect(new Set(codes).size).toBe(27);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('uses EL for Greece and refuses GR with the reason', () => {
    expect(memberState('EL')?.name).toBe('Greece');
    expect(isMemberStateCode('GR')).toBe(false);
    expect(checkMemberStateCode('GR')).toEqual({ ok: false, reason: expect.stringMatching(/EU code for Greece is EL/) });
  });

  it.each(['UK', 'GB', 'EU', 'CH', 'NO', 'de', 'DEU', '', 'D'])('refuses "%s"', (code) => {
    expect(isMemberStateCode(code)).toBe(false);
    const check = checkMemberStateCode(code);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain(`"${code}"`);
  });

  it('says a lower-case code must be written in capitals', () => {
    expect(checkMemberStateCode('fr')).toEqual({ ok: false, reason: expect.stringMatching(/capitals: "FR"/) });
  });

  it('refuses values that are not strings', () => {
    expect(checkMemberStateCode(276)).toEqual({ ok: false, reason: 'a Member State code must be a string' });
    expect(isMemberStateCode(undefined)).toBe(false);
  });

  it('accepts each Member State code and throws for others when asked for a trusted code', () => {
    expect(memberStateCode('DE')).toBe('DE');
    expect(() => memberStateCode('GR')).toThrow(/EL/);
  });
});
