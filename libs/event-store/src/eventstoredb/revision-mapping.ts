import {
  ANY as SERVER_ANY,
  AppendExpectedRevision,
  CurrentRevision,
  NO_STREAM as SERVER_NO_STREAM,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ANY, EMPTY_STREAM_REVISION, ExpectedRevision, NO_STREAM, WrongExpectedRevisionError } from '@imera/event-sourcing';

/** Our expected revision in the client's terms: 'no-stream' -> no_stream, 'any' -> any, n -> BigInt(n). */
export function toServerExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === ANY) return SERVER_ANY;
  if (expected === NO_STREAM) return SERVER_NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new Error(`An expected revision must be 'no-stream', 'any' or a revision >= 0, got ${expected}`);
  }
  return BigInt(expected);
}

/** A stream revision as the server reports it, as our number: -1 when the stream does not exist. */
export function fromServerRevision(revision: CurrentRevision | bigint): number {
  if (revision === SERVER_NO_STREAM) return EMPTY_STREAM_REVISION;
  return toSafeNumber(revision, 'stream revision');
}

/** The client's concurrency error as ours, naming the stream's actual revision (-1 when absent). */
export function toWrongExpectedRevisionError(
  error: WrongExpectedVersionError,
  streamName: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamName, expected, fromServerRevision(error.actualVersion));
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError;
}

/** Converts a server-side 64-bit number, refusing to lose precision silently. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB returned a ${what} (${value}) outside 0..2^53-1`);
  }
  return Number(value);
}
