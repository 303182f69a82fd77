import { isCommission, Principal } from '@imera/auth';
import { RecordedEvent } from '@imera/event-sourcing';
import {
  AggregatedDemand,
  JointProcurementEvent,
  JointProcurementRequested,
  JointProcurementStatus,
  MaterialMatch,
  ProcuredMaterial,
  SupplierOfferReceived,
} from '@imera/domain/joint-procurement';
import { HistoryEntry, historyEntry } from '../shared/history';

type MaterialResult = MaterialMatch & ProcuredMaterial;

export interface StatedDemand {
  readonly memberState: string;
  readonly material: string;
  readonly quantity: number;
  readonly unit: string;
  readonly statedAt: string;
}

type Requested = JointProcurementRequested['data'];

export interface JointProcurementRecord extends Requested {
  readonly status: JointProcurementStatus;
  readonly decision?: { readonly accepted: boolean; readonly reasons: string; readonly at: string; readonly by: string };
  readonly invitation?: { readonly invitedMemberStates: readonly string[]; readonly demandDeadline: string; readonly invitedAt: string };
  /** The latest statement of each Member State per material. */
  readonly demand: readonly StatedDemand[];
  readonly aggregated?: { readonly participants: readonly string[]; readonly demand: readonly AggregatedDemand[]; readonly aggregatedAt: string };
  readonly offers: readonly Omit<SupplierOfferReceived['data'], 'procurementId'>[];
  readonly matching?: { readonly results: readonly MaterialResult[]; readonly matchedAt: string };
  readonly publication?: { readonly publishedTo: readonly string[]; readonly publishedAt: string };
  readonly history: readonly (HistoryEntry & { readonly memberState?: string })[];
}

export function isJointProcurementEvent(recorded: RecordedEvent): boolean {
  return recorded.streamName.startsWith('jointProcurement-');
}

/** Folds one event of the procurement's stream into its record. */
export function evolveJointProcurementRecord(record: JointProcurementRecord | undefined, recorded: RecordedEvent): JointProcurementRecord | undefined {
  const event = recorded as unknown as JointProcurementEvent;
  if (event.type === 'JointProcurementRequested') {
    return { ...event.data, status: 'requested', demand: [], offers: [], history: [historyEntry(recorded)] };
  }
  if (!record) return record;
  const entry = { ...historyEntry(recorded), ...(event.type === 'JointProcurementDemandStated' ? { memberState: event.data.memberState } : {}) };
  const next = { ...record, history: [...record.history, entry] };
  switch (event.type) {
    case 'JointProcurementAccepted':
      return { ...next, decision: { accepted: true, reasons: event.data.reasons, at: event.data.decidedAt, by: event.data.decidedBy } };
    case 'JointProcurementRefused':
      return { ...next, status: 'refused', decision: { accepted: false, reasons: event.data.reasons, at: event.data.decidedAt, by: event.data.decidedBy } };
    case 'MemberStatesInvitedToJointProcurement': {
      const { invitedMemberStates, demandDeadline, invitedAt } = event.data;
      return { ...next, status: 'collecting-demand', invitation: { invitedMemberStates, demandDeadline, invitedAt } };
    }
    case 'JointProcurementDemandStated': {
      const { procurementId: _id, ...stated } = event.data;
      const others = next.demand.filter((d) => d.memberState !== stated.memberState || d.material !== stated.material);
      return { ...next, demand: [...others, stated] };
    }
    case 'JointProcurementDemandAggregated': {
      const { participants, demand, aggregatedAt } = event.data;
      return { ...next, status: 'collecting-offers', aggregated: { participants, demand, aggregatedAt } };
    }
    case 'SupplierOfferReceived': {
      const { procurementId: _id, ...offer } = event.data;
      return { ...next, offers: [...next.offers, offer] };
    }
    case 'JointProcurementMatched':
      return { ...next, status: 'matched', matching: { results: event.data.results, matchedAt: event.data.matchedAt } };
    case 'JointProcurementResultsPublished':
      return { ...next, status: 'published', publication: { publishedTo: event.data.publishedTo, publishedAt: event.data.publishedAt } };
  }
}

/**
 * The Commission sees everything. A requesting or invited Member State sees the procurement and its own
 * demand; offers stay with the Commission; once the results are published a participant sees the totals and
 * its own share, with the offers that fill it. Anyone else: 404.
 */
export function visibleJointProcurement(record: JointProcurementRecord, principal: Principal): JointProcurementRecord | undefined {
  if (isCommission(principal)) return record;
  if (principal.role !== 'member-state-authority') return undefined;
  const own = principal.memberState;
  const involved = record.requestingMemberStates.includes(own) || (record.invitation?.invitedMemberStates ?? []).includes(own);
  if (!involved) return undefined;
  const published = record.publication?.publishedTo.includes(own) ? record.matching : undefined;
  const { matching: _matching, aggregated, ...rest } = record;
  return {
    ...rest,
    demand: record.demand.filter((d) => d.memberState === own),
    ...(aggregated ? { aggregated: { ...aggregated, demand: aggregated.demand.map((d) => ({ ...d, byMemberState: d.byMemberState.filter((b) => b.memberState === own) })) } } : {}),
    offers: [],
    ...(published ? { matching: { ...published, results: published.results.map((result) => ownShare(result, own)) } } : {}),
    history: record.history.filter((entry) => entry.type !== 'SupplierOfferReceived' && (entry.memberState === undefined || entry.memberState === own)),
  };
}

function ownShare(result: MaterialResult, memberState: string): MaterialResult {
  const matches = result.matches.filter((m) => m.memberState === memberState);
  const offerIds = new Set(matches.map((m) => m.offerId));
  return {
    ...result,
    participants: result.participants.filter((p) => p.memberState === memberState),
    matches,
    offers: result.offers.filter((o) => offerIds.has(o.offerId)),
  };
}
