import { awaitingOperatorIds, InformationRequestState } from '@imera/domain/information-requests';
import { JointProcurementState } from '@imera/domain/joint-procurement';
import { CLOSED_STATUSES, PriorityRatedRequestState } from '@imera/domain/priority-rated-requests';
import { StockDistributionState } from '@imera/domain/stock-distribution';
import { endOfLocalDay } from '@imera/domain/working-days';
import { TrackedInstrument } from '../schedules/due-steps';

export type InstrumentKind = 'information-request' | 'priority-rated-request' | 'stock-distribution' | 'joint-procurement';

/** One line of the dashboard: an instrument that still awaits a step, and by when if the step is dated. */
export interface OpenInstrument {
  readonly kind: InstrumentKind;
  readonly id: string;
  readonly scopeId: string;
  readonly status: string;
  readonly awaiting: string;
  readonly nextDeadline?: { readonly what: string; readonly due: string };
  readonly openedAt: string;
  readonly firstPosition: number;
  readonly href: string;
}

type Tracked<S> = TrackedInstrument<S> & { readonly openedAt: string };

function line<S>(kind: InstrumentKind, tracked: Tracked<S>, collection: string, rest: Pick<OpenInstrument, 'status' | 'awaiting' | 'nextDeadline'>): OpenInstrument {
  const { id, scopeId, openedAt, firstPosition } = tracked;
  return { kind, id, scopeId, openedAt, firstPosition, href: `/api/v1/${collection}/${id}`, ...rest };
}

export function openInformationRequest(tracked: Tracked<InformationRequestState>): OpenInstrument | undefined {
  const { state } = tracked;
  if (state.status !== 'open') return undefined;
  const awaiting = awaitingOperatorIds(state).length;
  if (awaiting === 0) return undefined;
  return line('information-request', tracked, 'information-requests', {
    status: 'open',
    awaiting: `answers from ${awaiting} operator${awaiting === 1 ? '' : 's'}`,
    nextDeadline: { what: 'answers due', due: state.deadline },
  });
}

export function openPriorityRatedRequest(tracked: Tracked<PriorityRatedRequestState>, timeZone: string): OpenInstrument | undefined {
  const { state } = tracked;
  if (state.status === 'none' || CLOSED_STATUSES.includes(state.status)) return undefined;
  const base = { status: state.status };
  switch (state.status) {
    case 'proposed':
      return line('priority-rated-request', tracked, 'priority-rated-requests', { ...base, awaiting: 'consent of the host Member State' });
    case 'host-consented':
      return line('priority-rated-request', tracked, 'priority-rated-requests', { ...base, awaiting: 'issue by the Commission' });
    case 'issued':
      return line('priority-rated-request', tracked, 'priority-rated-requests', {
        ...base,
        awaiting: "the operator's acceptance or refusal",
        nextDeadline: { what: 'response due', due: state.responseDeadline!.expiresAt },
      });
    default:
      return line('priority-rated-request', tracked, 'priority-rated-requests', {
        ...base,
        awaiting: 'delivery',
        nextDeadline: { what: 'delivery due', due: endOfLocalDay(state.proposal.deliveryDate, timeZone) },
      });
  }
}

export function openStockDistribution(tracked: Tracked<StockDistributionState>): OpenInstrument | undefined {
  const { state } = tracked;
  if (state.status === 'none') return undefined;
  if (state.status === 'collecting') {
    return line('stock-distribution', tracked, 'stock-distributions', { status: 'collecting', awaiting: 'stock and need reports, then orders' });
  }
  const undelivered = Object.values(state.orders).filter((order) => order.status !== 'delivered').length;
  if (undelivered === 0) return undefined;
  return line('stock-distribution', tracked, 'stock-distributions', {
    status: 'orders-issued',
    awaiting: `dispatch and delivery of ${undelivered} order${undelivered === 1 ? '' : 's'}`,
  });
}

const PROCUREMENT_AWAITS: Record<string, string> = {
  requested: "the Commission's decision",
  'collecting-demand': 'demand from the invited Member States',
  'collecting-offers': 'supplier offers, then matching',
  matched: 'publication of the results',
};

export function openJointProcurement(tracked: Tracked<JointProcurementState>): OpenInstrument | undefined {
  const { state } = tracked;
  if (state.status === 'none' || !(state.status in PROCUREMENT_AWAITS)) return undefined;
  const deadline = state.status === 'collecting-demand' && state.demandDeadline ? { nextDeadline: { what: 'demand due', due: state.demandDeadline } } : {};
  return line('joint-procurement', tracked, 'joint-procurements', { status: state.status, awaiting: PROCUREMENT_AWAITS[state.status], ...deadline });
}
