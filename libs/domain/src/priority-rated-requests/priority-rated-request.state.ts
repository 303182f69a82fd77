import {
  PriorityRatedRequestEvent,
  PriorityRatedRequestProposed,
  ResponseDeadline,
} from './priority-rated-request.events';

export type PriorityRatedRequestStatus =
  | 'proposed'
  | 'host-consented'
  | 'host-refused'
  | 'issued'
  | 'accepted'
  | 'refused'
  | 'lapsed'
  | 'fulfilled'
  | 'breached'
  | 'ended-with-mode';

/** Statuses after which nothing more happens to the request. */
export const CLOSED_STATUSES: readonly PriorityRatedRequestStatus[] = [
  'host-refused',
  'refused',
  'lapsed',
  'fulfilled',
  'breached',
  'ended-with-mode',
];

export type PriorityRatedRequestState =
  | { readonly status: 'none' }
  | {
      readonly status: PriorityRatedRequestStatus;
      readonly proposal: PriorityRatedRequestProposed['data'];
      readonly issuedAt?: string;
      readonly responseDeadline?: ResponseDeadline;
      /** Delivered on or before the delivery date, in the request's unit. */
      readonly deliveredOnTime: number;
    };

export type KnownPriorityRatedRequest = Exclude<PriorityRatedRequestState, { status: 'none' }>;

export const initialPriorityRatedRequestState = (): PriorityRatedRequestState => ({ status: 'none' });

export function evolvePriorityRatedRequest(
  state: PriorityRatedRequestState,
  event: PriorityRatedRequestEvent,
): PriorityRatedRequestState {
  if (event.type === 'PriorityRatedRequestProposed')
    return { status: 'proposed', proposal: event.data, deliveredOnTime: 0 };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'HostMemberStateConsented':
      return { ...state, status: 'host-consented' };
    case 'HostMemberStateRefusedConsent':
      return { ...state, status: 'host-refused' };
    case 'PriorityRatedRequestIssued':
      return {
        ...state,
        status: 'issued',
        issuedAt: event.data.issuedAt,
        responseDeadline: event.data.responseDeadline,
        proposal: {
          ...state.proposal,
          specification: event.data.specification,
          quantity: event.data.quantity,
          deliveryDate: event.data.deliveryDate,
        },
      };
    case 'PriorityRatedRequestAccepted':
      return { ...state, status: 'accepted' };
    case 'PriorityRatedRequestRefused':
      return { ...state, status: 'refused' };
    case 'PriorityRatedRequestLapsed':
      return { ...state, status: 'lapsed' };
    case 'PriorityRatedDeliveryRecorded':
      return event.data.onTime
        ? { ...state, deliveredOnTime: state.deliveredOnTime + event.data.quantity.amount }
        : state;
    case 'PriorityRatedRequestFulfilled':
      return { ...state, status: 'fulfilled' };
    case 'PriorityRatedRequestBreached':
      return { ...state, status: 'breached' };
    case 'PriorityRatedRequestEndedWithMode':
      return { ...state, status: 'ended-with-mode' };
  }
}
