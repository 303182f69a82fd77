import { AggregatedDemand, JointProcurementEvent, ProcuredMaterial } from './joint-procurement.events';
import { OfferedQuantity } from './pro-rata-matching';

export type JointProcurementStatus =
  'requested' | 'refused' | 'collecting-demand' | 'collecting-offers' | 'matched' | 'published';

export type JointProcurementState =
  | { readonly status: 'none' }
  | {
      readonly status: JointProcurementStatus;
      readonly procurementId: string;
      readonly scopeId: string;
      readonly requestingMemberStates: readonly string[];
      readonly materials: readonly ProcuredMaterial[];
      readonly invited: readonly string[];
      readonly demandDeadline?: string;
      /** material -> Member State -> quantity */
      readonly demand: Readonly<Record<string, Readonly<Record<string, number>>>>;
      readonly aggregated: readonly AggregatedDemand[];
      readonly participants: readonly string[];
      readonly offers: Readonly<Record<string, OfferedQuantity & { readonly material: string }>>;
    };

export type KnownProcurement = Exclude<JointProcurementState, { status: 'none' }>;

export const initialJointProcurementState = (): JointProcurementState => ({ status: 'none' });

export function evolveJointProcurement(
  state: JointProcurementState,
  event: JointProcurementEvent,
): JointProcurementState {
  if (event.type === 'JointProcurementRequested') {
    const { procurementId, scopeId, materials, requestingMemberStates } = event.data;
    return {
      status: 'requested',
      procurementId,
      scopeId,
      requestingMemberStates,
      materials,
      invited: [],
      demand: {},
      aggregated: [],
      participants: [],
      offers: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'JointProcurementAccepted':
      return state;
    case 'JointProcurementRefused':
      return { ...state, status: 'refused' };
    case 'MemberStatesInvitedToJointProcurement':
      return {
        ...state,
        status: 'collecting-demand',
        invited: event.data.invitedMemberStates,
        demandDeadline: event.data.demandDeadline,
      };
    case 'JointProcurementDemandStated': {
      const { material, memberState, quantity } = event.data;
      return {
        ...state,
        demand: { ...state.demand, [material]: { ...state.demand[material], [memberState]: quantity } },
      };
    }
    case 'JointProcurementDemandAggregated':
      return {
        ...state,
        status: 'collecting-offers',
        aggregated: event.data.demand,
        participants: event.data.participants,
      };
    case 'SupplierOfferReceived': {
      const { offerId, supplierId, quantity, material } = event.data;
      return { ...state, offers: { ...state.offers, [offerId]: { offerId, supplierId, quantity, material } } };
    }
    case 'JointProcurementMatched':
      return { ...state, status: 'matched' };
    case 'JointProcurementResultsPublished':
      return { ...state, status: 'published' };
  }
}
