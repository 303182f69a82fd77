import { bearerToken } from './bearer-token';

describe('bearer token from the Authorization header', () => {
  it('reads the token after the Bearer scheme, in any case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('returns nothing when there is no header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it.each(['Basic ZGVzazpwdw==', 'Bearer', 'Bearer a b', 'abc.def.ghi'])('refuses "%s" as malformed', (header) => {
    expect(() => bearerToken(header)).toThrow(expect.objectContaining({ reason: 'token-malformed' }));
  });

  it('refuses repeated headers', () => {
    expect(() => bearerToken(['Bearer a', 'Bearer b'])).toThrow(expect.objectContaining({ reason: 'token-malformed' }));
  });
});
