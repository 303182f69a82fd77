import { Position } from '@eventstore/db-client';
import { toSafeNumber } from './revision-mapping';

/**
 * The global position is the commit position. Events appended over gRPC commit themselves, so their commit
 * and prepare positions are the same log offset: distinct and increasing in `$all` order. A pair that differs
 * comes from a legacy explicit transaction (its events share one commit position) and cannot be named by one
 * number; a missing or unknown position (old servers on stream reads) cannot either. Both are refused, never
 * guessed. Numbers stay exact up to 2^53 bytes of log (8 PiB); beyond that the conversion refuses too.
 */
export function toGlobalPosition(position: Position | undefined, eventId: string): number {
  if (!position) throw new Error(`EventStoreDB returned event ${eventId} without a position (server 22.6 or later is needed)`);
  if (position.commit !== position.prepare) {
    throw new Error(
      `Event ${eventId} has commit position ${position.commit} but prepare position ${position.prepare}: ` +
        'events of explicit transactions cannot be addressed by a single global position',
    );
  }
  return toSafeNumber(position.commit, 'log position');
}

/** A global position of ours as a log position: our events commit themselves, so both halves are equal. */
export function positionOf(globalPosition: number): Position {
  const value = BigInt(globalPosition);
  return { commit: value, prepare: value };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

