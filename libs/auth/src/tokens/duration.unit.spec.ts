import { describeDuration, parseDurationSeconds } from './duration';

describe('token lifetimes', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['8h', 28_800],
    ['2d', 172_800],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(['8', 'h', '-1h', '1.5h', '8 hours', '0h', ''])('refuses "%s"', (text) => {
    expect(() => parseDurationSeconds(text)).toThrow();
  });

  it('writes durations in their largest whole unit', () => {
    expect(describeDuration(86_400)).toBe('1d');
    expect(describeDuration(28_800)).toBe('8h');
    expect(describeDuration(61)).toBe('61s');
  });
});
