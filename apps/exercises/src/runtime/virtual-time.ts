import { INestApplicationContext } from '@nestjs/common';
import { EventStore, ManualClock } from '@imera/event-sourcing';
import { nextDueAt as nextExportControlTransition } from '@imera/domain/export-controls';
import { earliestDue, ProjectionRunner } from '@imera/platform';
import { CRISIS_MONITOR_SETTINGS } from '../../../crisis-monitor/src/crisis-monitor.module';
import { CrisisMonitorSettings } from '../../../crisis-monitor/src/crisis-monitor.config';
import { CrisisMonitorProjection } from '../../../crisis-monitor/src/monitor/crisis-monitor.projection';
import { nextWakeUp } from '../../../crisis-monitor/src/scope-modes/next-wake-up';
import { ScopeModeDecisions } from '../../../crisis-monitor/src/scope-modes/scope-mode-decisions';
import { ScopeModesProcessManager } from '../../../crisis-monitor/src/scope-modes/scope-modes.process-manager';
import { ExportControlScheduleRunner } from '../../../intake/src/export-controls/export-control-schedule.runner';
import { ExportControlsView } from '../../../intake/src/export-controls/export-controls.view';
import { OpenInstrumentsView } from '../../../response/src/read-models/open-instruments.view';
import { nextDueAt as nextResponseStep } from '../../../response/src/schedules/due-steps';
import { ResponseScheduleRunner } from '../../../response/src/schedules/response-schedule.runner';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Real time a namespace may take to absorb one step before the run is declared stuck. */
const STUCK_AFTER_MS = 30_000;
/** Passes of the schedules at one instant before the run is declared looping. */
const MAX_PASSES_PER_INSTANT = 50;

/**
 * Drives a namespace's virtual time. The clock moves to the next instant something falls due (an export
 * control's dated transition, an instrument's deadline, a mode's expiry or extension window, the end of a
 * recovery, the simulated Council's delay) and at least once per virtual day (indicators that age). At each
 * instant every schedule runs and the run waits until the projections have applied every stored event and
 * no schedule has anything more to do.
 */
export class VirtualTime {
  private head: number | undefined;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly clock: ManualClock,
    private readonly store: EventStore,
    private readonly runners: readonly ProjectionRunner[],
  ) {}

  async advanceTo(instant: string): Promise<void> {
    const target = Date.parse(instant);
    if (Number.isNaN(target)) throw new Error(`not an instant: ${instant}`);
    if (target < this.clock.now().getTime()) throw new Error(`virtual time is at ${this.clock.now().toISOString()}, after ${instant}`);
    await this.settle();
    for (;;) {
      const now = this.clock.now().getTime();
      if (now >= target) return;
      const next = Math.min(target, startOfNextDay(now), (await this.nextDue(now)) ?? Number.POSITIVE_INFINITY);
      this.clock.set(new Date(next));
      await this.settle();
    }
  }

  /** Runs the schedules at the current instant until none has more to do and every projection caught up. */
  async settle(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.caughtUp));
    for (let pass = 0; pass < MAX_PASSES_PER_INSTANT; pass++) {
      await this.projectionsCaughtUp();
      const before = this.head;
      // One after the other, each judging from projections that applied everything before it: the
      // namespace's schedules never act on their own (AppConfig.schedulesDriven), so the order is fixed.
      for (const schedule of this.schedules()) {
        await schedule.kick();
        await this.projectionsCaughtUp();
      }
      if (this.head === before) return;
    }
    throw new Error(`the schedules kept deciding at ${this.clock.now().toISOString()}: stopped after ${MAX_PASSES_PER_INSTANT} passes`);
  }

  private schedules(): ReadonlyArray<{ kick(): Promise<void> }> {
    return [
      this.app.get(ExportControlScheduleRunner, { strict: false }),
      this.app.get(ScopeModesProcessManager, { strict: false }),
      this.app.get(ResponseScheduleRunner, { strict: false }),
    ];
  }

  /** The next moment after `now` at which a schedule has something due, if any. */
  private async nextDue(now: number): Promise<number | undefined> {
    const at = new Date(now).toISOString();
    const due: Array<string | number | undefined> = [];
    for (const measure of this.app.get(ExportControlsView, { strict: false }).list()) due.push(nextExportControlTransition(measure.state, at));
    due.push(nextResponseStep(this.app.get(OpenInstrumentsView, { strict: false }).timetable(), at));
    const settings = this.app.get<CrisisMonitorSettings>(CRISIS_MONITOR_SETTINGS, { strict: false });
    const monitor = this.app.get(CrisisMonitorProjection, { strict: false });
    const decisions = this.app.get(ScopeModeDecisions, { strict: false });
    for (const scope of settings.scopes) {
      const modes = (await decisions.load(scope.id)).state;
      due.push(nextWakeUp(modes, monitor.scope(scope.id)?.memory, settings.policy, at));
    }
    return earliestDue(due, now);
  }

  /** Waits until every projection has applied the last stored event. */
  private async projectionsCaughtUp(): Promise<void> {
    const deadline = Date.now() + STUCK_AFTER_MS;
    for (;;) {
      this.head = await this.lastPosition();
      if (this.runners.every((runner) => runner.position === this.head)) return;
      if (Date.now() > deadline) throw new Error(`projections did not catch up with position ${this.head} within ${STUCK_AFTER_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  private async lastPosition(): Promise<number | undefined> {
    let last = this.head;
    for await (const event of this.store.readAll({ after: this.head })) last = event.globalPosition;
    return last;
  }
}

function startOfNextDay(epochMs: number): number {
  return (Math.floor(epochMs / DAY_MS) + 1) * DAY_MS;
}
