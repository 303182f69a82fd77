import { Clock, DomainRuleViolation } from '@imera/event-sourcing';
import { DueSchedule, earliestDue, RequestContext } from '@imera/platform';
import { InformationRequestWorkflow } from '../information-requests/information-request-workflow';
import { PriorityRatedRequestWorkflow } from '../priority-rated-requests/priority-rated-request-workflow';
import { OpenInstrumentsView } from '../read-models/open-instruments.view';
import { DueStep, dueSteps, nextDueAt } from './due-steps';

export const RESPONSE_SCHEDULE_ACTOR = 'system:response-schedule';

/**
 * The response instruments' process manager: marks information requests overdue, lets priority-rated
 * requests lapse and assesses their delivery when their dates pass, and ends what is open when the scope's
 * mode ends (IMERA Art 26). It runs on start (catching up what fell due while the system was down), after
 * every change of an instrument or a scope, and on a timer set to the next due date. Steps carry the instant
 * they fell due and deterministic event ids, and the deciders ignore a step no longer due: each is stored once.
 */
export class ResponseScheduleRunner {
  private readonly schedule: DueSchedule;

  constructor(
    private readonly view: OpenInstrumentsView,
    private readonly informationRequests: InformationRequestWorkflow,
    private readonly priorityRatedRequests: PriorityRatedRequestWorkflow,
    clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.schedule = new DueSchedule((now) => this.pass(now), clock, onError);
  }

  start(): void {
    this.schedule.start((listener) => this.view.onChange(listener));
  }

  stop(): Promise<void> {
    return this.schedule.stop();
  }

  /** Runs a pass after the one under way (at most one waits); resolves when it is done. */
  kick(): Promise<void> {
    return this.schedule.kick();
  }

  private async pass(now: string): Promise<number | undefined> {
    for (const step of dueSteps(this.view.timetable(), now)) {
      if (this.schedule.stopped) return undefined;
      await this.send(step).catch((error: unknown) => {
        // A refused step concerns that instrument only; the others still get theirs.
        if (!(error instanceof DomainRuleViolation)) throw error;
        this.onError(error);
      });
    }
    return earliestDue([nextDueAt(this.view.timetable(), now)]);
  }

  private send(step: DueStep): Promise<unknown> {
    switch (step.kind) {
      case 'MarkOverdue':
        return this.informationRequests.markOverdue(step.requestId, step.dueAt, context(step, step.requestId));
      case 'EndInformationRequestWithMode':
        return this.informationRequests.endWithMode(step.requestId, step.scope, step.dueAt, step.scopeEventId, context(step, step.requestId, step.scopeEventId));
      case 'MarkLapsed':
        return this.priorityRatedRequests.markLapsed(step.prrId, step.dueAt, context(step, step.prrId));
      case 'AssessDelivery':
        return this.priorityRatedRequests.assessDelivery(step.prrId, step.dueAt, context(step, step.prrId));
      case 'EndPriorityRatedRequestWithMode':
        return this.priorityRatedRequests.endWithMode(step.prrId, step.scope, step.dueAt, step.scopeEventId, context(step, step.prrId, step.scopeEventId));
    }
  }
}

function context(step: DueStep, instrumentId: string, causationId?: string): RequestContext {
  return {
    actor: RESPONSE_SCHEDULE_ACTOR,
    correlationId: `schedule:${step.kind}:${instrumentId}:${step.dueAt}`,
    ...(causationId ? { causationId } : {}),
  };
}
