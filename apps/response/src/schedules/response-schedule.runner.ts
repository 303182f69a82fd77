import { Clock, DomainRuleViolation } from '@imera/event-sourcing';
import { RequestContext } from '@imera/platform';
import { InformationRequestWorkflow } from '../information-requests/information-request-workflow';
import { PriorityRatedRequestWorkflow } from '../priority-rated-requests/priority-rated-request-workflow';
import { OpenInstrumentsView } from '../read-models/open-instruments.view';
import { DueStep, dueSteps, nextDueAt } from './due-steps';

/** How long the schedule sleeps at most, even with nothing due (a safety net, and for clock jumps). */
const MAX_SLEEP_MS = 60_000;
export const RESPONSE_SCHEDULE_ACTOR = 'system:response-schedule';

/**
 * The response instruments' process manager: marks information requests overdue, lets priority-rated
 * requests lapse and assesses their delivery when their dates pass, and ends what is open when the scope's
 * mode ends (IMERA Art 26). It runs on start (catching up what fell due while the system was down), after
 * every change of an instrument or a scope, and on a timer set to the next due date. Steps carry the instant
 * they fell due and deterministic event ids, and the deciders ignore a step no longer due: each is stored once.
 */
export class ResponseScheduleRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private queued = false;
  private stopped = false;
  private started = false;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly view: OpenInstrumentsView,
    private readonly informationRequests: InformationRequestWorkflow,
    private readonly priorityRatedRequests: PriorityRatedRequestWorkflow,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    if (this.stopped) return;
    this.started = true;
    this.unsubscribe = this.view.onChange(() => void this.kick());
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs a pass after the one under way (at most one waits); resolves when it is done. */
  kick(): Promise<void> {
    if (this.queued) return this.running;
    this.queued = true;
    this.running = this.running
      .then(() => {
        this.queued = false;
        return this.pass();
      })
      .catch(this.onError);
    return this.running;
  }

  private async pass(): Promise<void> {
    if (this.stopped) return;
    const now = this.clock.now().toISOString();
    try {
      for (const step of dueSteps(this.view.timetable(), now)) {
        if (this.stopped) return;
        await this.send(step).catch((error: unknown) => {
          // A refused step concerns that instrument only; the others still get theirs.
          if (!(error instanceof DomainRuleViolation)) throw error;
          this.onError(error);
        });
      }
    } finally {
      this.arm(now);
    }
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

  /** Only a started runner wakes itself up; one that is only kicked (an exercise's) never acts on its own. */
  private arm(now: string): void {
    if (this.stopped || !this.started) return;
    if (this.timer) clearTimeout(this.timer);
    const next = nextDueAt(this.view.timetable(), now);
    const sleep = next === undefined ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, Date.parse(next) - Date.parse(now)));
    this.timer = setTimeout(() => void this.kick(), sleep);
    this.timer.unref();
  }
}

function context(step: DueStep, instrumentId: string, causationId?: string): RequestContext {
  return {
    actor: RESPONSE_SCHEDULE_ACTOR,
    correlationId: `schedule:${step.kind}:${instrumentId}:${step.dueAt}`,
    ...(causationId ? { causationId } : {}),
  };
}
