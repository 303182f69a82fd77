import { DEFAULT_REQUEST_LIMITS, jsonDepth, loadRequestLimits } from './request-limits';

describe('request limits', () => {
  it('measures nesting without recursion, stopping early once past the bound', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: null }] })).toBe(3);
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(jsonDepth(deep)).toBe(100_000);
    expect(jsonDepth(deep, 16)).toBe(17);
  });

  it('reads the limits from the environment, with the documented defaults', () => {
    expect(loadRequestLimits({})).toEqual(DEFAULT_REQUEST_LIMITS);
    expect(loadRequestLimits({ RATE_LIMIT_MAX: '0', REQUEST_BODY_LIMIT: '1024', REQUEST_MAX_DEPTH: '8', RATE_LIMIT_WINDOW_MS: '1000' })).toEqual({
      bodyLimitBytes: 1024,
      maxJsonDepth: 8,
      rateLimitMax: 0,
      rateLimitWindowMs: 1000,
    });
    expect(() => loadRequestLimits({ REQUEST_MAX_DEPTH: '0' })).toThrow(/REQUEST_MAX_DEPTH must be a whole number of at least 1/);
    expect(() => loadRequestLimits({ RATE_LIMIT_MAX: 'lots' })).toThrow(/RATE_LIMIT_MAX/);
  });
});
