import { Event } from '@imera/event-sourcing';
import { ExportControlEvent } from '@imera/domain/export-controls';
import { ScopeModeEvent } from '@imera/domain/imera-modes';
import { InformationRequestEvent } from '@imera/domain/information-requests';
import { JointProcurementEvent } from '@imera/domain/joint-procurement';
import { OperatorNotificationEvent } from '@imera/domain/operator-notifications';
import { PriorityRatedRequestEvent } from '@imera/domain/priority-rated-requests';
import { StockDistributionEvent } from '@imera/domain/stock-distribution';
import { StrategicStockEvent } from '@imera/domain/strategic-stocks';

/** Every event type the system stores. */
export type DomainEventType =
  | ExportControlEvent['type']
  | ScopeModeEvent['type']
  | InformationRequestEvent['type']
  | JointProcurementEvent['type']
  | OperatorNotificationEvent['type']
  | PriorityRatedRequestEvent['type']
  | StockDistributionEvent['type']
  | StrategicStockEvent['type'];

/**
 * What a replay does with a recorded event of a type:
 * - `input`: a fact a person (or a dated schedule that follows from recorded facts alone) caused; replay
 *   appends it into the namespace at its recorded time.
 * - `derived`: a decision the scope-modes process manager or a reaction to the modes made; replay does not
 *   copy it, the namespace's own services decide it again under the replay's policy.
 * - `council-act`: a Council implementing act. A real act (`act.simulated` false) is an input, but it
 *   decides a proposal the policy made, so replay records it again as a Council act on the scope's open
 *   proposal. A simulated act (the policy's auto-decision) is derived.
 */
export type ReplayRole = 'input' | 'derived' | 'council-act';

interface Rule {
  readonly role: ReplayRole;
  /** Who causes it, for the report and the reader of this table. */
  readonly causedBy: string;
}

const person = (causedBy: string): Rule => ({ role: 'input', causedBy });
const schedule = (causedBy: string): Rule => ({ role: 'input', causedBy: `${causedBy} (dated schedule, follows from recorded facts)` });
const derived = (causedBy: string): Rule => ({ role: 'derived', causedBy });
const COUNCIL: Rule = { role: 'council-act', causedBy: 'Council secretariat, or the auto-decision setting when simulated' };
const POLICY = 'escalation policy (scope-modes process manager)';

/** The explicit table: the compiler insists on a rule for every stored event type. */
export const REPLAY_ROLES: Readonly<Record<DomainEventType, Rule>> = {
  OperatorNotificationFiled: person('Member State authority'),
  OperatorNotificationUpdated: person('Member State authority'),
  OperatorNotificationResolved: person('Member State authority'),

  ExportControlRecorded: person('Commission analyst'),
  ExportControlSuspended: person('Commission analyst'),
  ExportControlLifted: person('Commission analyst'),
  ExportControlAmended: person('Commission analyst'),
  ExportControlEnteredIntoForce: schedule('export-control schedule'),
  ExportControlSuspensionTookEffect: schedule('export-control schedule'),
  ExportControlSuspensionExpired: schedule('export-control schedule'),
  ExportControlAmendmentTookEffect: schedule('export-control schedule'),
  ExportControlLiftingTookEffect: schedule('export-control schedule'),

  StrategicStockReported: person('Member State authority'),

  VigilanceModeProposed: derived(POLICY),
  EmergencyModeProposed: derived(POLICY),
  ModeExtensionProposed: derived(POLICY),
  ModeDeactivationProposed: derived(POLICY),
  ModeProposalLapsed: derived(`${POLICY} or mode schedule`),
  VigilanceModeExpired: derived('mode schedule'),
  EmergencyModeExpired: derived('mode schedule'),
  VigilanceModeActivated: COUNCIL,
  VigilanceModeExtended: COUNCIL,
  VigilanceModeDeactivated: COUNCIL,
  EmergencyModeActivated: COUNCIL,
  EmergencyModeExtended: COUNCIL,
  EmergencyModeDeactivated: COUNCIL,

  InformationRequestIssued: person('crisis cell'),
  InformationRequestAnswered: person('economic operator'),
  InformationRequestDeclined: person('economic operator'),
  InformationRequestDeadlineMissed: schedule('response schedule'),
  // IMERA Art 26: ends with the mode, so it follows the replayed modes, not the recorded ones.
  InformationRequestEndedWithMode: derived('response schedule, when the scope leaves the mode'),

  PriorityRatedRequestProposed: person('crisis cell'),
  HostMemberStateConsented: person('host Member State authority'),
  HostMemberStateRefusedConsent: person('host Member State authority'),
  PriorityRatedRequestIssued: person('crisis cell'),
  PriorityRatedRequestAccepted: person('economic operator'),
  PriorityRatedRequestRefused: person('economic operator'),
  PriorityRatedDeliveryRecorded: person('economic operator'),
  PriorityRatedRequestLapsed: schedule('response schedule'),
  PriorityRatedRequestFulfilled: schedule('response schedule'),
  PriorityRatedRequestBreached: schedule('response schedule'),
  PriorityRatedRequestEndedWithMode: derived('response schedule, when the scope leaves the mode'),

  StockDistributionRoundOpened: person('crisis cell'),
  StocksReported: person('Member State authority'),
  CriticalNeedsReported: person('Member State authority'),
  StockAllocationPlanned: person('crisis cell'),
  StockAllocationDecided: person('crisis cell'),
  StockDistributionOrderIssued: person('crisis cell'),
  StockDistributionOrderDispatched: person('Member State authority'),
  StockDistributionOrderDelivered: person('Member State authority'),

  JointProcurementRequested: person('Member State authority'),
  JointProcurementAccepted: person('crisis cell'),
  JointProcurementRefused: person('crisis cell'),
  MemberStatesInvitedToJointProcurement: person('crisis cell'),
  JointProcurementDemandStated: person('Member State authority'),
  JointProcurementDemandAggregated: person('crisis cell'),
  SupplierOfferReceived: person('economic operator'),
  JointProcurementMatched: person('crisis cell'),
  JointProcurementResultsPublished: person('crisis cell'),
};

export type EventClassification =
  | { readonly role: 'input'; readonly causedBy: string }
  | { readonly role: 'council-act'; readonly causedBy: string }
  | { readonly role: 'derived'; readonly causedBy: string }
  | { readonly role: 'unknown'; readonly causedBy: null };

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.prototype.hasOwnProperty.call(REPLAY_ROLES, type);
}

/** What replay does with this recorded event; a type outside the table is `unknown` (replay refuses the file). */
export function classifyRecordedEvent(event: Pick<Event, 'type' | 'data'>): EventClassification {
  if (!isDomainEventType(event.type)) return { role: 'unknown', causedBy: null };
  const rule = REPLAY_ROLES[event.type];
  if (rule.role !== 'council-act') return rule;
  const act = (event.data as { act?: { simulated?: unknown } }).act;
  return act?.simulated === true
    ? { role: 'derived', causedBy: 'auto-decision setting of the policy (simulated Council act)' }
    : { role: 'council-act', causedBy: 'Council secretariat' };
}
