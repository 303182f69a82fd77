import { Clock, DomainRuleViolation } from '@imera/event-sourcing';
import { dueDateOf, dueTransitions, nextDueAt } from '@imera/domain/export-controls';
import { DueSchedule, earliestDue } from '@imera/platform';
import { ExportControlIntake } from './export-control-intake';
import { ExportControlsView } from './export-controls.view';

/**
 * Fires the dated transitions of export controls when their date passes: on start (catching up whatever
 * fell due while the system was down), whenever a measure changes, and on a timer set to the next due date.
 * Each transition is stored once: the decider refuses a repeat and event ids are deterministic.
 */
export class ExportControlScheduleRunner {
  private readonly schedule: DueSchedule;

  constructor(
    private readonly view: ExportControlsView,
    private readonly intake: ExportControlIntake,
    clock: Clock,
    onError: (error: unknown) => void = () => undefined,
  ) {
    this.schedule = new DueSchedule((now) => this.pass(now), clock, onError);
  }

  start(): void {
    this.schedule.start((listener) => this.view.onChange(listener));
  }

  stop(): Promise<void> {
    return this.schedule.stop();
  }

  /** Runs one pass now (serialised with any pass under way) and resolves when it is done. */
  kick(): Promise<void> {
    return this.schedule.kick();
  }

  private async pass(now: string): Promise<number | undefined> {
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
    return earliestDue(this.view.list().map((measure) => nextDueAt(measure.state, now)));
  }
}
