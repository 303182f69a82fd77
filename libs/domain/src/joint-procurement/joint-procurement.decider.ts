import { Decider } from '@imera/event-sourcing';
import { JointProcurementCommand } from './joint-procurement.commands';
import { accept, refuse, request } from './joint-procurement.decision';
import { JointProcurementEvent } from './joint-procurement.events';
import { aggregateDemand, match, publish, recordOffer, stateDemand } from './joint-procurement.rounds';
import { evolveJointProcurement, initialJointProcurementState, JointProcurementState } from './joint-procurement.state';

export type JointProcurementDecider = Decider<JointProcurementCommand, JointProcurementState, JointProcurementEvent>;

/**
 * Requested by at least two Member States -> accepted (all Member States invited) or refused, with reasons
 * -> demand stated until the deadline and aggregated -> supplier offers collected -> matched pro rata ->
 * results published to the participants.
 */
export const jointProcurementDecider: JointProcurementDecider = {
  decide,
  evolve: evolveJointProcurement,
  initialState: initialJointProcurementState,
};

function decide(command: JointProcurementCommand, state: JointProcurementState): JointProcurementEvent[] {
  switch (command.type) {
    case 'RequestJointProcurement':
      return request(command, state);
    case 'AcceptJointProcurement':
      return accept(command, state);
    case 'RefuseJointProcurement':
      return refuse(command, state);
    case 'StateDemand':
      return stateDemand(command, state);
    case 'AggregateDemand':
      return aggregateDemand(command, state);
    case 'RecordSupplierOffer':
      return recordOffer(command, state);
    case 'MatchDemandAndOffers':
      return match(command, state);
    case 'PublishResults':
      return publish(command, state);
  }
}
