import { InformationRequestEvent } from './information-request.events';

export type AddresseeStatus = 'awaiting' | 'answered' | 'declined' | 'deadline-missed';

export interface AddresseeState {
  readonly memberState: string;
  readonly status: AddresseeStatus;
}

export type InformationRequestState =
  | { readonly status: 'not-issued' }
  | {
      readonly status: 'open' | 'ended';
      readonly requestId: string;
      readonly scopeId: string;
      readonly issuedInMode: 'vigilance' | 'emergency';
      readonly mandatory: boolean;
      readonly deadline: string;
      readonly addressees: Readonly<Record<string, AddresseeState>>;
    };

export type IssuedInformationRequest = Exclude<InformationRequestState, { status: 'not-issued' }>;

export const initialInformationRequestState = (): InformationRequestState => ({ status: 'not-issued' });

export function evolveInformationRequest(
  state: InformationRequestState,
  event: InformationRequestEvent,
): InformationRequestState {
  switch (event.type) {
    case 'InformationRequestIssued':
      return {
        status: 'open',
        requestId: event.data.requestId,
        scopeId: event.data.scopeId,
        issuedInMode: event.data.issuedInMode,
        mandatory: event.data.mandatory,
        deadline: event.data.deadline,
        addressees: Object.fromEntries(
          event.data.addressees.map((a) => [a.operatorId, { memberState: a.memberState, status: 'awaiting' as const }]),
        ),
      };
    case 'InformationRequestAnswered':
      return withAddressee(state, event.data.operatorId, 'answered');
    case 'InformationRequestDeclined':
      return withAddressee(state, event.data.operatorId, 'declined');
    case 'InformationRequestDeadlineMissed':
      return withAddressee(state, event.data.operatorId, 'deadline-missed');
    case 'InformationRequestEndedWithMode':
      return state.status === 'not-issued' ? state : { ...state, status: 'ended' };
  }
}

function withAddressee(
  state: InformationRequestState,
  operatorId: string,
  status: AddresseeStatus,
): InformationRequestState {
  if (state.status === 'not-issued') return state;
  const current = state.addressees[operatorId];
  if (!current) return state;
  return { ...state, addressees: { ...state.addressees, [operatorId]: { ...current, status } } };
}

export function awaitingOperatorIds(state: IssuedInformationRequest): string[] {
  return Object.entries(state.addressees)
    .filter(([, addressee]) => addressee.status === 'awaiting')
    .map(([operatorId]) => operatorId)
    .sort();
}
