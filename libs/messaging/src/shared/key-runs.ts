import { setMaxListeners } from 'node:events';
import { DeliveryOutcome } from './delivery';

/** At most this many messages of one partition are handled at once. */
export const MAX_RUN = 64;

/**
 * The messages at the start of a partition's backlog that may be handled at the same time: consecutive, no
 * key twice, each with a key (a message without one is handled alone). Messages of one key therefore stay
 * one at a time and in order, as the port promises, while different raw materials sharing a partition no
 * longer wait for each other's durable append.
 */
export function runOfDistinctKeys<T extends { readonly key?: string | null }>(backlog: readonly T[], max = MAX_RUN): T[] {
  const run: T[] = [];
  const keys = new Set<string>();
  for (const message of backlog) {
    if (run.length >= max) break;
    const key = message.key ?? undefined;
    if (key === undefined || keys.has(key)) {
      if (run.length === 0) run.push(message);
      break;
    }
    keys.add(key);
    run.push(message);
  }
  return run;
}

/** How many messages at the start of a run may be committed: those before the first one abandoned. */
export function committable(outcomes: readonly DeliveryOutcome[]): number {
  const abandoned = outcomes.indexOf('abandoned');
  return abandoned < 0 ? outcomes.length : abandoned;
}

/**
 * A consumer's stop signal. Every message of a run may wait on it at once (its delivery and a back-off
 * pause, one listener each, removed when done), in each partition handled at the same time: its listener
 * bound is sized for that, so a full run is not mistaken for a leak.
 */
export function consumerStopSignal(partitionsAtOnce: number): AbortController {
  const controller = new AbortController();
  setMaxListeners(2 * MAX_RUN * Math.max(1, partitionsAtOnce) + 10, controller.signal);
  return controller;
}
