import { Clock, DomainRuleViolation } from '@imera/event-sourcing';
import { dueDateOf, dueTransitions, nextDueAt } from '@imera/domain/export-controls';
import { ExportControlIntake } from './export-control-intake';
import { ExportControlsView } from './export-controls.view';

/** How often the schedule looks again even when nothing changed (a safety net, and for clock jumps). */
const MAX_SLEEP_MS = 60_000;

/**
 * Fires the dated transitions of export controls when their date passes: on start (catching up whatever
 * fell due while the system was down), whenever a measure changes, and on a timer set to the next due date.
 * Each transition is stored once: the decider refuses a repeat and event ids are deterministic.
 */
export class ExportControlScheduleRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private started = false;

  constructor(
    private readonly view: ExportControlsView,
    private readonly intake: ExportControlIntake,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.started = true;
    this.view.onChange(() => this.kick());
    this.kick();
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    return this.running;
  }

  /** Runs one pass now (serialised with any pass under way) and resolves when it is done. */
  kick(): Promise<void> {
    this.running = this.running.then(() => this.pass()).catch(this.onError);
    return this.running;
  }

  private async pass(): Promise<void> {
    if (this.stopped) return;
    const now = this.clock.now().toISOString();
    for (const measure of this.view.list()) {
      for (const command of dueTransitions(measure.state, now)) {
        const dueDate = dueDateOf(measure.state, command.kind) ?? now;
        await this.intake
          .applyDue(command, dueDate, { actor: 'system:export-control-schedule', correlationId: `schedule:${command.measureId}:${command.kind}:${dueDate}` })
          .catch((error: unknown) => {
            if (!(error instanceof DomainRuleViolation)) throw error;
          });
      }
    }
    this.arm(now);
  }

  /** Only a started runner wakes itself up; one that is only kicked (an exercise's) never acts on its own. */
  private arm(now: string): void {
    if (this.stopped || !this.started) return;
    if (this.timer) clearTimeout(this.timer);
    const next = this.view
      .list()
      .map((measure) => nextDueAt(measure.state, now))
      .filter((date): date is string => date !== undefined)
      .map((date) => Date.parse(date))
      .sort((a, b) => a - b)[0];
    const sleep = next === undefined ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, next - Date.parse(now)));
    this.timer = setTimeout(() => void this.kick(), sleep);
    this.timer.unref();
  }
}
