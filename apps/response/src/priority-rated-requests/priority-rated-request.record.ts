import { isCommission, Principal } from '@imera/auth';
import { RecordedEvent } from '@imera/event-sourcing';
import {
  ConflictCheck,
  PriorityRatedRequestEvent,
  PriorityRatedRequestProposed,
  PriorityRatedRequestStatus,
  Quantity,
  RefusalGround,
  ResponseDeadline,
} from '@imera/domain/priority-rated-requests';
import { HistoryEntry, historyEntry } from '../shared/history';

export interface IssueRecord {
  readonly legalBasis: string;
  readonly responseDeadline: ResponseDeadline;
  readonly operatorMayRefuseWithReasons: true;
  readonly rightToRefuseStatement: string;
  readonly conflictCheck: ConflictCheck;
  readonly conflictsWithAcceptedRequests: readonly string[];
  readonly issuedAt: string;
  readonly issuedBy: string;
}

export type OperatorResponse =
  | { readonly kind: 'accepted'; readonly at: string; readonly operatorNotLiableForSetAsideContracts: true }
  | { readonly kind: 'refused'; readonly ground: RefusalGround; readonly reasons: string; readonly at: string }
  | { readonly kind: 'lapsed'; readonly expiredAt: string };

export type DeliveryOutcome =
  | { readonly kind: 'fulfilled'; readonly delivered: Quantity; readonly fulfilledOn: string }
  | { readonly kind: 'breached'; readonly deliveredOnTime: Quantity; readonly shortfall: Quantity; readonly recordedAt: string };

type Proposal = PriorityRatedRequestProposed['data'];

export interface PriorityRatedRequestRecord extends Proposal {
  readonly status: PriorityRatedRequestStatus;
  readonly hostMemberState: string;
  readonly hostDecision?: { readonly consented: boolean; readonly reasons?: string; readonly at: string; readonly by: string };
  readonly issue?: IssueRecord;
  readonly response?: OperatorResponse;
  readonly deliveries: readonly { readonly quantity: Quantity; readonly deliveredOn: string; readonly onTime: boolean; readonly recordedAt: string }[];
  readonly outcome?: DeliveryOutcome;
  readonly endedWithMode?: { readonly statusAtEnd: string; readonly endedAt: string };
  readonly history: readonly HistoryEntry[];
}

export function isPriorityRatedRequestEvent(recorded: RecordedEvent): boolean {
  return recorded.streamName.startsWith('prr-');
}

/** Folds one event of the request's stream into its record. */
export function evolvePriorityRatedRequestRecord(record: PriorityRatedRequestRecord | undefined, recorded: RecordedEvent): PriorityRatedRequestRecord | undefined {
  const event = recorded as unknown as PriorityRatedRequestEvent;
  if (event.type === 'PriorityRatedRequestProposed') {
    const hostMemberState = event.data.operator.site.country;
    return { ...event.data, status: 'proposed', hostMemberState, deliveries: [], history: [historyEntry(recorded)] };
  }
  if (!record) return record;
  const next = { ...record, history: [...record.history, historyEntry(recorded)] };
  switch (event.type) {
    case 'HostMemberStateConsented':
      return { ...next, status: 'host-consented', hostDecision: { consented: true, at: event.data.consentedAt, by: event.data.consentedBy } };
    case 'HostMemberStateRefusedConsent': {
      const { reasons, refusedAt: at, refusedBy: by } = event.data;
      return { ...next, status: 'host-refused', hostDecision: { consented: false, reasons, at, by } };
    }
    case 'PriorityRatedRequestIssued': {
      const { specification, quantity, deliveryDate, ...issued } = event.data;
      return { ...next, status: 'issued', specification, quantity, deliveryDate, issue: issueRecord(issued) };
    }
    case 'PriorityRatedRequestAccepted':
      return { ...next, status: 'accepted', response: { kind: 'accepted', at: event.data.acceptedAt, operatorNotLiableForSetAsideContracts: true } };
    case 'PriorityRatedRequestRefused': {
      const { ground, reasons, refusedAt: at } = event.data;
      return { ...next, status: 'refused', response: { kind: 'refused', ground, reasons, at } };
    }
    case 'PriorityRatedRequestLapsed':
      return { ...next, status: 'lapsed', response: { kind: 'lapsed', expiredAt: event.data.expiredAt } };
    case 'PriorityRatedDeliveryRecorded': {
      const { quantity, deliveredOn, onTime, recordedAt } = event.data;
      return { ...next, deliveries: [...next.deliveries, { quantity, deliveredOn, onTime, recordedAt }] };
    }
    case 'PriorityRatedRequestFulfilled':
      return { ...next, status: 'fulfilled', outcome: { kind: 'fulfilled', delivered: event.data.delivered, fulfilledOn: event.data.fulfilledOn } };
    case 'PriorityRatedRequestBreached': {
      const { deliveredOnTime, shortfall, recordedAt } = event.data;
      return { ...next, status: 'breached', outcome: { kind: 'breached', deliveredOnTime, shortfall, recordedAt } };
    }
    case 'PriorityRatedRequestEndedWithMode':
      return { ...next, status: 'ended-with-mode', endedWithMode: { statusAtEnd: event.data.statusAtEnd, endedAt: event.data.endedAt } };
  }
}

function issueRecord(issued: Omit<Extract<PriorityRatedRequestEvent, { type: 'PriorityRatedRequestIssued' }>['data'], 'specification' | 'quantity' | 'deliveryDate'>): IssueRecord {
  const { legalBasis, responseDeadline, operatorMayRefuseWithReasons, rightToRefuseStatement, conflictCheck, conflictsWithAcceptedRequests, issuedAt, issuedBy } = issued;
  return { legalBasis, responseDeadline, operatorMayRefuseWithReasons, rightToRefuseStatement, conflictCheck, conflictsWithAcceptedRequests, issuedAt, issuedBy };
}

/** What a caller is shown: the operator does not see the Member States' justification and consent. */
export type ShownPriorityRatedRequest = Omit<PriorityRatedRequestRecord, 'justification' | 'hostDecision'> &
  Partial<Pick<PriorityRatedRequestRecord, 'justification' | 'hostDecision'>>;

/**
 * The Commission, the requesting and the host Member State see the whole request; the operator sees it
 * once it is issued to it, without the Member States' justification and consent. Anyone else: 404.
 */
export function visiblePriorityRatedRequest(record: PriorityRatedRequestRecord, principal: Principal): ShownPriorityRatedRequest | undefined {
  if (isCommission(principal)) return record;
  if (principal.role === 'member-state-authority') {
    return [record.requestingMemberState, record.hostMemberState].includes(principal.memberState) ? record : undefined;
  }
  if (principal.role === 'economic-operator' && principal.operatorId === record.operator.operatorId && record.issue) {
    const { justification: _justification, hostDecision: _hostDecision, ...issued } = record;
    return { ...issued, history: record.history.filter((entry) => entry.globalPosition >= firstIssuePosition(record)) };
  }
  return undefined;
}

function firstIssuePosition(record: PriorityRatedRequestRecord): number {
  return record.history.find((entry) => entry.type === 'PriorityRatedRequestIssued')?.globalPosition ?? Number.MAX_SAFE_INTEGER;
}
