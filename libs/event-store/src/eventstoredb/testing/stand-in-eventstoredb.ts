import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtoEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import {
  AllStreamPosition,
  Empty,
  StreamIdentifier,
  UUID,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';

interface StoredRecord {
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** Ticks (100 ns) since the Unix epoch, as the server sends them. */
  readonly created: bigint;
  readonly position: bigint;
}

type Proposed = Omit<StoredRecord, 'streamName' | 'revision' | 'created' | 'position'>;
type Expected = { readonly kind: 'any' | 'no-stream' | 'exists' } | { readonly kind: 'revision'; readonly revision: number };
type AppendOutcome =
  | { readonly ok: true; readonly revision: number; readonly reportedPosition: bigint }
  | { readonly ok: false; readonly current: number };

/**
 * An in-process stand-in that speaks EventStoreDB's gRPC protocol (streams and server features) over an
 * in-memory log, so the adapter and the real client library can be exercised end to end where no server
 * runs. It follows the server where the adapter depends on it (read in the source of the 24.x server):
 * self-committed events with equal commit and prepare positions, `$all` reads inclusive of the start
 * position, subscriptions exclusive of it, a caught-up signal, idempotent re-appends, system events in
 * `$all`. It is a test double, not a replacement: the real-server suites remain the reference.
 */
export class StandInEventStoreDb {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly subscribers = new Set<(record: StoredRecord) => void>();
  private nextPosition = 1_000n;
  private writes = 0;

  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<StandInEventStoreDb> {
    const server = new grpc.Server();
    let standIn: StandInEventStoreDb | undefined;
    server.addService(StreamsService, {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => standIn!.read(call),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, done: grpc.sendUnaryData<AppendResp>) =>
        standIn!.appendCall(call, done),
      batchAppend: (call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => standIn!.batchAppend(call),
    });
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, done: grpc.sendUnaryData<SupportedMethods>) => done(null, supportedMethods()),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    standIn = new StandInEventStoreDb(server, port);
    return standIn;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  async stop(): Promise<void> {
    this.subscribers.clear();
    this.server.forceShutdown();
  }

  private append(streamName: string, expected: Expected, proposed: readonly Proposed[]): AppendOutcome {
    const records = this.streams.get(streamName) ?? [];
    const current = records.length - 1;
    const repeat = this.storedRepeat(records, expected, proposed);
    if (repeat !== undefined) return { ok: true, revision: repeat, reportedPosition: records[repeat].position };
    const matches =
      expected.kind === 'any' ||
      (expected.kind === 'no-stream' && current === -1) ||
      (expected.kind === 'exists' && current >= 0) ||
      (expected.kind === 'revision' && expected.revision === current);
    if (!matches) return { ok: false, current };
    const written = proposed.map((event) => this.store(streamName, event));
    // Every third write the server's statistics land in $all as well.
    this.writes += 1;
    if (this.writes % 3 === 0) this.store('$stats-127.0.0.1:2113', systemEvent());
    // The reply names the first event's position, not the last: the adapter must not rely on it.
    return { ok: true, revision: written[written.length - 1].revision, reportedPosition: written[0].position };
  }

  /** The last revision of an earlier identical append at the expected place (anywhere for `any`). */
  private storedRepeat(records: readonly StoredRecord[], expected: Expected, proposed: readonly Proposed[]): number | undefined {
    const from = repeatStart(records, expected, proposed);
    if (from < 0 || from + proposed.length > records.length) return undefined;
    const same = proposed.every((event, index) => records[from + index].id === event.id);
    return same ? from + proposed.length - 1 : undefined;
  }

  private store(streamName: string, event: Proposed): StoredRecord {
    const records = this.streams.get(streamName) ?? [];
    const record: StoredRecord = {
      ...event,
      streamName,
      revision: records.length,
      created: BigInt(Date.now()) * 10_000n,
      position: this.nextPosition,
    };
    this.nextPosition += 128n + BigInt(event.data.length);
    records.push(record);
    this.streams.set(streamName, records);
    this.log.push(record);
    for (const deliver of this.subscribers) deliver(record);
    return record;
  }

  private read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions()!;
    if (options.hasSubscription()) return this.subscribe(call, options);
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount());
    const stream = options.getStream();
    let records: StoredRecord[];
    if (stream) {
      const name = streamNameOf(stream.getStreamIdentifier()!);
      const stored = this.streams.get(name);
      if (!stored) {
        const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(identifier(name));
        call.write(new ReadResp().setStreamNotFound(notFound));
        return void call.end();
      }
      records = backwards
        ? stored.slice(0, stream.hasRevision() ? Number(stream.getRevision()) + 1 : stored.length).reverse()
        : stored.slice(stream.hasRevision() ? Number(stream.getRevision()) : stream.hasEnd() ? stored.length : 0);
    } else {
      const all = options.getAll()!;
      const at = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : undefined;
      records = backwards
        ? this.log.filter((record) => at === undefined || record.position < at).reverse()
        : this.log.filter((record) => (all.hasEnd() ? false : at === undefined || record.position >= at));
    }
    for (const record of records.slice(0, count)) call.write(eventMessage(record));
    call.end();
  }

  private subscribe(call: grpc.ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    const all = options.getAll();
    if (!all) return void call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'stand-in: $all only' });
    call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId('stand-in')));
    const after = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : undefined;
    if (!all.hasEnd()) {
      for (const record of this.log) if (after === undefined || record.position > after) call.write(eventMessage(record));
    }
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    const deliver = (record: StoredRecord) => call.write(eventMessage(record));
    this.subscribers.add(deliver);
    call.on('cancelled', () => this.subscribers.delete(deliver));
    call.on('close', () => this.subscribers.delete(deliver));
  }

  private appendCall(call: grpc.ServerReadableStream<AppendReq, AppendResp>, done: grpc.sendUnaryData<AppendResp>): void {
    let target: { streamName: string; expected: Expected } | undefined;
    const proposed: Proposed[] = [];
    call.on('data', (request: AppendReq) => {
      const options = request.getOptions();
      if (options) target = { streamName: streamNameOf(options.getStreamIdentifier()!), expected: unaryExpected(options) };
      const message = request.getProposedMessage();
      if (message) proposed.push(proposedOf(message));
    });
    call.on('end', () => {
      const outcome = this.append(target!.streamName, target!.expected, proposed);
      const response = new AppendResp();
      if (outcome.ok) {
        const position = new AppendResp.Position()
          .setCommitPosition(String(outcome.reportedPosition))
          .setPreparePosition(String(outcome.reportedPosition));
        response.setSuccess(new AppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position));
      } else {
        const wrong = new AppendResp.WrongExpectedVersion();
        if (outcome.current < 0) wrong.setCurrentNoStream(new Empty());
        else wrong.setCurrentRevision(String(outcome.current));
        response.setWrongExpectedVersion(wrong);
      }
      done(null, response);
    });
  }

  private batchAppend(call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const pending = new Map<string, { streamName: string; expected: Expected; proposed: Proposed[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = request.getCorrelationId()!.getString();
      const options = request.getOptions();
      if (options) {
        pending.set(correlation, {
          streamName: streamNameOf(options.getStreamIdentifier()!),
          expected: batchExpected(options),
          proposed: [],
        });
      }
      const batch = pending.get(correlation)!;
      for (const message of request.getProposedMessagesList()) batch.proposed.push(proposedOf(message));
      if (!request.getIsFinal()) return;
      pending.delete(correlation);
      call.write(batchResponse(correlation, batch.streamName, this.append(batch.streamName, batch.expected, batch.proposed)));
    });
    call.on('end', () => call.end());
  }
}

function repeatStart(records: readonly StoredRecord[], expected: Expected, proposed: readonly Proposed[]): number {
  if (expected.kind === 'revision') return expected.revision + 1;
  if (expected.kind === 'no-stream') return 0;
  return records.findIndex((record) => record.id === proposed[0].id);
}

function supportedMethods(): SupportedMethods {
  const batchAppend = new SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName('BatchAppend');
  return new SupportedMethods().setMethodsList([batchAppend]).setEventStoreServerVersion('24.10.0-stand-in');
}

function batchResponse(correlation: string, streamName: string, outcome: AppendOutcome): BatchAppendResp {
  const response = new BatchAppendResp()
    .setCorrelationId(new UUID().setString(correlation))
    .setStreamIdentifier(identifier(streamName));
  if (outcome.ok) {
    const position = new AllStreamPosition()
      .setCommitPosition(String(outcome.reportedPosition))
      .setPreparePosition(String(outcome.reportedPosition));
    return response.setSuccess(new BatchAppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position));
  }
  const wrong = new WrongExpectedVersion();
  if (outcome.current < 0) wrong.setCurrentNoStream(new ProtoEmpty());
  else wrong.setCurrentStreamRevision(String(outcome.current));
  const details = new Any();
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return response.setError(new Status().setCode(Code.FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(details));
}

function eventMessage(record: StoredRecord): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(record.id))
    .setStreamIdentifier(identifier(record.streamName))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(String(record.position))
    .setPreparePosition(String(record.position))
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', String(record.created));
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(record.position));
  return new ReadResp().setEvent(read);
}

function proposedOf(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): Proposed {
  const metadata = message.getMetadataMap();
  return {
    id: message.getId()!.getString(),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

function unaryExpected(options: AppendReq.Options): Expected {
  if (options.hasRevision()) return { kind: 'revision', revision: Number(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no-stream' };
  if (options.hasStreamExists()) return { kind: 'exists' };
  return { kind: 'any' };
}

function batchExpected(options: BatchAppendReq.Options): Expected {
  if (options.hasStreamPosition()) return { kind: 'revision', revision: Number(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'no-stream' };
  if (options.hasStreamExists()) return { kind: 'exists' };
  return { kind: 'any' };
}

function systemEvent(): Proposed {
  return {
    id: randomUUID(),
    type: '$statsCollected',
    contentType: 'application/json',
    data: Buffer.from('{"proc-cpu":1.5}'),
    metadata: new Uint8Array(),
  };
}

function identifier(streamName: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
}

function streamNameOf(identifierMessage: StreamIdentifier): string {
  return Buffer.from(identifierMessage.getStreamName_asU8()).toString('utf8');
}
