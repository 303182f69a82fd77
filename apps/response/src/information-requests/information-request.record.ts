import { Principal, isCommission } from '@imera/auth';
import { RecordedEvent } from '@imera/event-sourcing';
import { InformationRequestEvent, InformationRequestIssued, ReportedFigure } from '@imera/domain/information-requests';
import { HistoryEntry, historyEntry } from '../shared/history';

export type AddresseeResponse =
  | { readonly kind: 'answered'; readonly figures: readonly ReportedFigure[]; readonly text: string; readonly at: string }
  | { readonly kind: 'declined'; readonly reasons: string; readonly at: string }
  | { readonly kind: 'deadline-missed'; readonly at: string };

export interface AddresseeRecord {
  readonly operatorId: string;
  readonly operatorName: string;
  readonly memberState: string;
  /** `request-ended`: the mode ended before this operator responded; it is no longer asked. */
  readonly status: 'awaiting' | 'answered' | 'declined' | 'deadline-missed' | 'request-ended';
  readonly response?: AddresseeResponse;
}

type Issued = InformationRequestIssued['data'];

/** An information request as the Commission sees it; `visibleInformationRequest` cuts it down for others. */
export interface InformationRequestRecord extends Omit<Issued, 'addressees'> {
  /** `open` while an addressee may still respond, `complete` once none may, `ended-with-mode` (IMERA Art 26). */
  readonly status: 'open' | 'complete' | 'ended-with-mode';
  readonly addressees: readonly AddresseeRecord[];
  readonly endedAt?: string;
  readonly history: readonly (HistoryEntry & { readonly operatorId?: string })[];
}

const TYPES = new Set<string>([
  'InformationRequestIssued',
  'InformationRequestAnswered',
  'InformationRequestDeclined',
  'InformationRequestDeadlineMissed',
  'InformationRequestEndedWithMode',
]);

export function isInformationRequestEvent(recorded: RecordedEvent): boolean {
  return TYPES.has(recorded.type) && recorded.streamName.startsWith('infoRequest-');
}

/** Folds one event of the request's stream into its record. */
export function evolveInformationRequestRecord(record: InformationRequestRecord | undefined, recorded: RecordedEvent): InformationRequestRecord | undefined {
  const event = recorded as unknown as InformationRequestEvent & RecordedEvent;
  if (event.type === 'InformationRequestIssued') {
    const addressees = event.data.addressees.map((a) => ({ ...a, status: 'awaiting' as const }));
    return { ...event.data, addressees, status: 'open', history: [historyEntry(recorded)] };
  }
  if (!record) return record;
  const operatorId = (event.data as { operatorId?: string }).operatorId;
  const entry = { ...historyEntry(recorded), ...(operatorId !== undefined ? { operatorId } : {}) };
  const next = { ...record, history: [...record.history, entry] };
  switch (event.type) {
    case 'InformationRequestAnswered': {
      const { figures, text, answeredAt: at } = event.data;
      return withStatus(respond(next, event.data.operatorId, 'answered', { kind: 'answered', figures, text, at }));
    }
    case 'InformationRequestDeclined':
      return withStatus(respond(next, event.data.operatorId, 'declined', { kind: 'declined', reasons: event.data.reasons, at: event.data.declinedAt }));
    case 'InformationRequestDeadlineMissed':
      return withStatus(respond(next, event.data.operatorId, 'deadline-missed', { kind: 'deadline-missed', at: event.data.recordedAt }));
    case 'InformationRequestEndedWithMode': {
      const addressees = next.addressees.map((a) => (a.status === 'awaiting' ? { ...a, status: 'request-ended' as const } : a));
      return { ...next, addressees, status: 'ended-with-mode', endedAt: event.data.endedAt };
    }
  }
}

function respond(record: InformationRequestRecord, operatorId: string, status: AddresseeRecord['status'], response: AddresseeResponse): InformationRequestRecord {
  return { ...record, addressees: record.addressees.map((a) => (a.operatorId === operatorId ? { ...a, status, response } : a)) };
}

function withStatus(record: InformationRequestRecord): InformationRequestRecord {
  if (record.status === 'ended-with-mode') return record;
  return { ...record, status: record.addressees.some((a) => a.status === 'awaiting') ? 'open' : 'complete' };
}

/**
 * IMERA Art 27 with CRMA Art 21: answers are confidential to the Commission and the operator's Member State.
 * A Member State sees the request only if it addresses one of its operators, and then only those; an
 * operator only a request addressed to it, and only its own entry. Anyone else: undefined (404).
 */
export function visibleInformationRequest(record: InformationRequestRecord, principal: Principal): InformationRequestRecord | undefined {
  if (isCommission(principal)) return record;
  const mayRead = (a: AddresseeRecord) =>
    (principal.role === 'member-state-authority' && a.memberState === principal.memberState) ||
    (principal.role === 'economic-operator' && a.operatorId === principal.operatorId);
  const addressees = record.addressees.filter(mayRead);
  if (addressees.length === 0) return undefined;
  const visibleIds = new Set(addressees.map((a) => a.operatorId));
  const history = record.history.filter((entry) => entry.operatorId === undefined || visibleIds.has(entry.operatorId));
  return { ...record, addressees, history };
}
