import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, EventStore } from '@imera/event-sourcing';
import { MessageBus } from '@imera/messaging';
import {
  APP_CONFIG,
  AppConfig,
  CLOCK,
  DecisionPublisher,
  EVENT_STORE,
  MESSAGE_BUS,
  Projection,
  ProjectionRunner,
  projectionSnapshots,
  rarelySaved,
  Readiness,
} from '@imera/platform';
import { ExportControlIntake } from './export-controls/export-control-intake';
import { ExportControlScheduleRunner } from './export-controls/export-control-schedule.runner';
import { ExportControlsController } from './export-controls/export-controls.controller';
import { ExportControlsView } from './export-controls/export-controls.view';
import { NotificationsController } from './operator-notifications/notifications.controller';
import { NotificationsView } from './operator-notifications/notifications.view';
import { OperatorNotificationIntake } from './operator-notifications/operator-notification-intake';

const NOTIFICATIONS_RUNNER = Symbol('NotificationsProjectionRunner');
const EXPORT_CONTROLS_RUNNER = Symbol('ExportControlsProjectionRunner');

/**
 * Intake: Member State notifications and third-country export controls over HTTP. Decisions are published
 * to the message bus; the recording module appends them to the event store.
 */
@Module({
  controllers: [NotificationsController, ExportControlsController],
  providers: [
    // Woken by the notifications runner, which applies every event of the log, to answer a filer at once.
    {
      provide: DecisionPublisher,
      inject: [EVENT_STORE, MESSAGE_BUS, NOTIFICATIONS_RUNNER],
      useFactory: (store: EventStore, bus: MessageBus, applied: ProjectionRunner) => new DecisionPublisher(store, bus, { applied }),
    },
    { provide: OperatorNotificationIntake, inject: [EVENT_STORE, DecisionPublisher, CLOCK], useFactory: (s: EventStore, p: DecisionPublisher, c: Clock) => new OperatorNotificationIntake(s, p, c) },
    { provide: ExportControlIntake, inject: [EVENT_STORE, DecisionPublisher, CLOCK], useFactory: (s: EventStore, p: DecisionPublisher, c: Clock) => new ExportControlIntake(s, p, c) },
    { provide: NotificationsView, useFactory: () => new NotificationsView() },
    { provide: ExportControlsView, useFactory: () => new ExportControlsView() },
    { provide: NOTIFICATIONS_RUNNER, inject: [NotificationsView, EVENT_STORE, Readiness, APP_CONFIG], useFactory: runnerFor },
    { provide: EXPORT_CONTROLS_RUNNER, inject: [ExportControlsView, EVENT_STORE, Readiness, APP_CONFIG], useFactory: runnerFor },
    {
      provide: ExportControlScheduleRunner,
      inject: [ExportControlsView, ExportControlIntake, CLOCK],
      useFactory: (view: ExportControlsView, intake: ExportControlIntake, clock: Clock) =>
        new ExportControlScheduleRunner(view, intake, clock, (error) => new Logger('export-control-schedule').error(String(error))),
    },
  ],
  exports: [NotificationsView, ExportControlsView, ExportControlScheduleRunner],
})
export class IntakeModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(NOTIFICATIONS_RUNNER) private readonly notifications: ProjectionRunner,
    @Inject(EXPORT_CONTROLS_RUNNER) private readonly exportControls: ProjectionRunner,
    @Inject(ExportControlScheduleRunner) private readonly schedule: ExportControlScheduleRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.notifications.start();
    this.exportControls.start();
    // The schedule judges what is due from the complete picture, so it starts once the view caught up.
    if (!this.config.schedulesDriven) void this.exportControls.caughtUp.then(() => this.schedule.start());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
    await Promise.all([this.notifications.stop(), this.exportControls.stop()]);
  }
}

/** Resumes after the view's stored checkpoint, as the crisis monitor does (100,000 events fold in well under a second). */
function runnerFor(view: Projection, store: EventStore, readiness: Readiness, config: AppConfig): ProjectionRunner {
  return new ProjectionRunner(view, {
    store,
    readiness,
    onError: logProjectionError,
    onNotice: (projection, message) => new Logger(`projection:${projection}`).log(message),
    snapshots: projectionSnapshots(config, rarelySaved(config)),
  });
}

function logProjectionError(projection: string, error: unknown): void {
  new Logger(`projection:${projection}`).error(error instanceof Error ? error.stack ?? error.message : String(error));
}
