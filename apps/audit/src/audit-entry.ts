import { RecordedEvent } from '@imera/event-sourcing';

/** One state change as an auditor reads it: what changed, when, who did it and why. */
export interface AuditEntry {
  readonly position: number;
  readonly recordedAt: string;
  readonly streamName: string;
  readonly streamRevision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly who: {
    /** The token subject, a service name or `system:<policy>`. */
    readonly actor: string;
    /** Where the request came from, for changes made over HTTP. */
    readonly clientAddress?: string;
  };
  readonly why: {
    /** The request or message that started the chain of work. */
    readonly correlationId: string;
    /** The message or event that directly caused this change (schedules and policies). */
    readonly causationId?: string;
    /** Fingerprint of the request body: two changes with the same one came from the same request. */
    readonly requestFingerprint?: string;
    /** The reason the actor gave, when the change carries one (description, rationale, justification...). */
    readonly statedReason?: string;
  };
  /** Set when the change belongs to a stress-test exercise, not to live data. */
  readonly exerciseId?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Fields in which the domain's events carry the actor's reasons, in order of preference. */
const REASON_FIELDS = ['rationale', 'justification', 'reason', 'reasons', 'description', 'grounds'];

export function auditEntry(event: RecordedEvent): AuditEntry {
  const { metadata } = event;
  const text = (key: string) => (typeof metadata[key] === 'string' ? (metadata[key] as string) : undefined);
  const reason = statedReason(event.data as Record<string, unknown>);
  return {
    position: event.globalPosition,
    recordedAt: event.recordedAt,
    streamName: event.streamName,
    streamRevision: event.streamRevision,
    eventId: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    who: { actor: metadata.actor, ...optional('clientAddress', text('clientAddress')) },
    why: {
      correlationId: metadata.correlationId,
      ...optional('causationId', metadata.causationId),
      ...optional('requestFingerprint', text('requestFingerprint')),
      ...optional('statedReason', reason),
    },
    ...optional('exerciseId', metadata.exerciseId),
    data: event.data as Record<string, unknown>,
  };
}

function statedReason(data: Record<string, unknown>): string | undefined {
  for (const field of REASON_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' && value.length > 0) return value;
    if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).rationale === 'string') {
      return (value as Record<string, string>).rationale;
    }
  }
  return undefined;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
