import { DEFAULT_WORKING_CALENDAR, WorkingCalendar } from '@imera/domain/working-days';

export interface PriorityRatedRequestPolicy {
  readonly calendar: WorkingCalendar;
  /** Working days the operator has to accept or refuse, unless the Commission sets another period. */
  readonly defaultResponseWorkingDays: number;
  /** The wording that tells the operator it may refuse, stated in every request. */
  readonly rightToRefuseStatement: string;
}

/**
 * Defaults, not law. The response period borrows the 15 working days US DPAS gives for DO-rated orders
 * until IMERA's implementing rules set one; the statement paraphrases the procedure of Reg 2025/2643
 * Art 63/66 that this workflow is modelled on.
 */
export const DEFAULT_PRIORITY_RATED_REQUEST_POLICY: PriorityRatedRequestPolicy = {
  calendar: DEFAULT_WORKING_CALENDAR,
  defaultResponseWorkingDays: 15,
  rightToRefuseStatement:
    'This is a request, not an order. You may refuse it by the response deadline, stating your reasons. ' +
    'If you accept, you are not liable for the contractual obligations you have to set aside to comply.',
};
