import { describeExpectedRevision, ExpectedRevision } from './expected-revision';

/** The stream was not at the revision the writer expected: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** Last revision of the stream, -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(
      `Stream "${streamName}" expected ${describeExpectedRevision(expected)} but is at ` +
        (actual < 0 ? 'no stream' : `revision ${actual}`),
    );
  }
}

/** An event id was appended before with other content or at another place. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly streamName: string, readonly eventId: string) {
    super(`Event ${eventId} already exists in stream "${streamName}" at another revision`);
  }
}

/** The store can no longer guarantee durability (for example a failed fsync) and refuses further writes. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/** The stored log is damaged in a way that cannot be explained by an interrupted write. */
export class EventLogCorruptedError extends Error {
  override readonly name = 'EventLogCorruptedError';
}
