/**
 * Limits on what one caller may send. Defaults, not law: sized so a Member State's bulk filing passes and a
 * runaway client or a flood does not starve everyone else. Each can be changed through the environment.
 */
export interface RequestLimits {
  /** Largest request body in bytes (REQUEST_BODY_LIMIT, default 256 KiB); larger ones get 413. */
  readonly bodyLimitBytes: number;
  /** Deepest nesting of objects and arrays a JSON body may have (REQUEST_MAX_DEPTH, default 16). */
  readonly maxJsonDepth: number;
  /** Requests one caller may make per window (RATE_LIMIT_MAX, default 1200; 0 switches the limit off). */
  readonly rateLimitMax: number;
  /** The window in milliseconds (RATE_LIMIT_WINDOW_MS, default 60,000). */
  readonly rateLimitWindowMs: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  bodyLimitBytes: 256 * 1024,
  maxJsonDepth: 16,
  rateLimitMax: 1200,
  rateLimitWindowMs: 60_000,
};

export function loadRequestLimits(env: NodeJS.ProcessEnv = process.env): RequestLimits {
  return {
    bodyLimitBytes: whole(env, 'REQUEST_BODY_LIMIT', DEFAULT_REQUEST_LIMITS.bodyLimitBytes, 1),
    maxJsonDepth: whole(env, 'REQUEST_MAX_DEPTH', DEFAULT_REQUEST_LIMITS.maxJsonDepth, 1),
    rateLimitMax: whole(env, 'RATE_LIMIT_MAX', DEFAULT_REQUEST_LIMITS.rateLimitMax, 0),
    rateLimitWindowMs: whole(env, 'RATE_LIMIT_WINDOW_MS', DEFAULT_REQUEST_LIMITS.rateLimitWindowMs, 1),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < minimum) throw new Error(`${name} must be a whole number of at least ${minimum}, got "${value}"`);
  return parsed;
}

/** How deep a parsed JSON value nests (a scalar is 0, `{}` is 1), walked without recursion. */
export function jsonDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAbove) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, level]);
  }
  return deepest;
}
