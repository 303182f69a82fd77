import { WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '@imera/event-sourcing';
import {
  fromServerRevision,
  isWrongExpectedVersion,
  toSafeNumber,
  toServerExpectedRevision,
  toWrongExpectedRevisionError,
} from './revision-mapping';

const wrongVersion = (current: bigint | 'no_stream', expected: bigint | 'no_stream' | 'any' = 'no_stream') =>
  new WrongExpectedVersionError(undefined, { streamName: 'scope-cobalt', expected, current });

describe('expected revisions in the server terms', () => {
  it('maps no-stream, any and exact revisions', () => {
    expect(toServerExpectedRevision('no-stream')).toBe('no_stream');
    expect(toServerExpectedRevision('any')).toBe('any');
    expect(toServerExpectedRevision(0)).toBe(0n);
    expect(toServerExpectedRevision(41)).toBe(41n);
  });

  it('refuses revisions that are not whole numbers from 0', () => {
    expect(() => toServerExpectedRevision(-1)).toThrow(/revision >= 0/);
    expect(() => toServerExpectedRevision(1.5)).toThrow(/revision >= 0/);
  });

  it('reads the server revision back, -1 for a stream that does not exist', () => {
    expect(fromServerRevision('no_stream')).toBe(-1);
    expect(fromServerRevision(0n)).toBe(0);
    expect(fromServerRevision(12n)).toBe(12);
  });
});

describe('wrong expected version', () => {
  it('becomes our error naming the stream, what was expected and the actual revision', () => {
    const error = toWrongExpectedRevisionError(wrongVersion(3n, 1n), 'scope-cobalt', 1);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error.streamName).toBe('scope-cobalt');
    expect(error.expected).toBe(1);
    expect(error.actual).toBe(3);
  });

  it('names -1 when the stream does not exist', () => {
    expect(toWrongExpectedRevisionError(wrongVersion('no_stream', 0n), 'scope-cobalt', 0).actual).toBe(-1);
  });

  it('is recognised only for the client concurrency error', () => {
    expect(isWrongExpectedVersion(wrongVersion(0n))).toBe(true);
    expect(isWrongExpectedVersion(new Error('Wrong expected version'))).toBe(false);
  });
});

describe('64-bit numbers from the server', () => {
  it('converts exactly up to 2^53 - 1 and refuses beyond', () => {
    expect(toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER), 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'log position')).toThrow(RangeError);
    expect(() => toSafeNumber(-1n, 'log position')).toThrow(RangeError);
  });
});
