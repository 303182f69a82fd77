import { fingerprint } from '@imera/platform';

/**
 * The identity of a request to an instrument: the step, the instrument and what was asked. Time and the
 * scope's mode are left out, so re-sending the same request later is recognised as a repeat.
 */
export function requestFingerprint(step: string, instrumentId: string, body: object = {}): string {
  return fingerprint({ step, instrumentId, body });
}

/** The fingerprint of a scheduled step: the step and the instant it fell due. */
export function dueStep(step: string, dueAt: string): string {
  return `${step}@${dueAt}`;
}
