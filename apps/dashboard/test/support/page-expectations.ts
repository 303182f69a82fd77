import { Locator } from 'playwright-core';

/** How long a page may take to show something; generous, for a shared test machine. */
export const SHOWN_WITHIN_MS = 15_000;

/**
 * Waits until `check` holds for what `read` returns (the page updates in the background), failing with the
 * last value seen. A wait, not a timing assertion: the limit only keeps a broken page from hanging the test.
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = SHOWN_WITHIN_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (check(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const matches = (value: string | null | undefined, expected: string | RegExp) =>
  value !== null && value !== undefined && (typeof expected === 'string' ? value.includes(expected) : expected.test(value));

/** The first element's text contains the expected text. */
export function showsText(locator: Locator, expected: string | RegExp, timeoutMs?: number): Promise<string | null> {
  return eventually(() => locator.first().textContent({ timeout: 500 }), (text) => matches(text, expected), `text ${String(expected)} in ${locator}`, timeoutMs);
}

export function hasAttribute(locator: Locator, name: string, expected: string | RegExp, timeoutMs?: number): Promise<string | null> {
  const exact = typeof expected === 'string' ? new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : expected;
  return eventually(() => locator.first().getAttribute(name, { timeout: 500 }), (value) => matches(value, exact), `${name}=${String(expected)} on ${locator}`, timeoutMs);
}

export function lacksAttributeValue(locator: Locator, name: string, value: string, timeoutMs?: number): Promise<string | null> {
  return eventually(() => locator.first().getAttribute(name, { timeout: 500 }), (seen) => seen !== null && seen !== undefined && seen !== value, `${name} other than ${value} on ${locator}`, timeoutMs);
}

export function hasCount(locator: Locator, count: number, timeoutMs?: number): Promise<number> {
  return eventually(() => locator.count(), (seen) => seen === count, `${count} of ${locator}`, timeoutMs);
}
