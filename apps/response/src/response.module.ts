import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { Clock, EventStore } from '@imera/event-sourcing';
import { MessageBus } from '@imera/messaging';
import { APP_CONFIG, AppConfig, CLOCK, DecisionPublisher, EVENT_STORE, MESSAGE_BUS, ProjectionRunner, projectionSnapshots, rarelySaved, Readiness } from '@imera/platform';
import { evolveInformationRequestRecord, isInformationRequestEvent } from './information-requests/information-request.record';
import { InformationRequestWorkflow } from './information-requests/information-request-workflow';
import { INFORMATION_REQUESTS_VIEW, InformationRequestsController } from './information-requests/information-requests.controller';
import { evolveJointProcurementRecord, isJointProcurementEvent } from './joint-procurements/joint-procurement.record';
import { JointProcurementWorkflow } from './joint-procurements/joint-procurement-workflow';
import { JOINT_PROCUREMENTS_VIEW, JointProcurementsController } from './joint-procurements/joint-procurements.controller';
import { evolvePriorityRatedRequestRecord, isPriorityRatedRequestEvent } from './priority-rated-requests/priority-rated-request.record';
import { PriorityRatedRequestWorkflow } from './priority-rated-requests/priority-rated-request-workflow';
import { PRIORITY_RATED_REQUESTS_VIEW, PriorityRatedRequestsController } from './priority-rated-requests/priority-rated-requests.controller';
import { OpenInstrumentsController } from './read-models/open-instruments.controller';
import { OpenInstrumentsView } from './read-models/open-instruments.view';
import { OperatorQueuesView } from './read-models/operator-queues.view';
import { RemainingStockView } from './read-models/remaining-stock.view';
import { ResponseReadModels } from './read-models/response-read-models';
import { ResponseScheduleRunner } from './schedules/response-schedule.runner';
import { ScopeModes } from './scope-modes/scope-modes';
import { RecordsView } from './shared/records-view';
import { evolveStockDistributionRecord, isStockDistributionEvent } from './stock-distributions/stock-distribution.record';
import { StockDistributionWorkflow } from './stock-distributions/stock-distribution-workflow';
import { STOCK_DISTRIBUTIONS_VIEW, StockDistributionsController } from './stock-distributions/stock-distributions.controller';

const READ_MODELS_RUNNER = Symbol('ResponseReadModelsRunner');

const views: Provider[] = [
  { provide: INFORMATION_REQUESTS_VIEW, useFactory: () => new RecordsView('information-requests', isInformationRequestEvent, evolveInformationRequestRecord) },
  { provide: PRIORITY_RATED_REQUESTS_VIEW, useFactory: () => new RecordsView('priority-rated-requests', isPriorityRatedRequestEvent, evolvePriorityRatedRequestRecord) },
  { provide: STOCK_DISTRIBUTIONS_VIEW, useFactory: () => new RecordsView('stock-distributions', isStockDistributionEvent, evolveStockDistributionRecord) },
  { provide: JOINT_PROCUREMENTS_VIEW, useFactory: () => new RecordsView('joint-procurements', isJointProcurementEvent, evolveJointProcurementRecord) },
  { provide: OperatorQueuesView, useFactory: () => new OperatorQueuesView() },
  { provide: RemainingStockView, useFactory: () => new RemainingStockView() },
  { provide: OpenInstrumentsView, useFactory: () => new OpenInstrumentsView() },
  {
    provide: READ_MODELS_RUNNER,
    inject: [EVENT_STORE, Readiness, APP_CONFIG, INFORMATION_REQUESTS_VIEW, PRIORITY_RATED_REQUESTS_VIEW, STOCK_DISTRIBUTIONS_VIEW, JOINT_PROCUREMENTS_VIEW, OperatorQueuesView, RemainingStockView, OpenInstrumentsView],
    useFactory: (store: EventStore, readiness: Readiness, config: AppConfig, ...projections: ConstructorParameters<typeof ResponseReadModels>[0]) =>
      new ProjectionRunner(new ResponseReadModels(projections), {
        store,
        readiness,
        onError: logError('projection:response-instruments'),
        onNotice: (projection, message) => new Logger(`projection:${projection}`).log(message),
        // Resumes after the read models' stored checkpoint; they keep every instrument.
        snapshots: projectionSnapshots(config, rarelySaved(config)),
      }),
  },
];

const workflows: Provider[] = [
  {
    provide: DecisionPublisher,
    inject: [EVENT_STORE, MESSAGE_BUS, READ_MODELS_RUNNER],
    useFactory: (store: EventStore, bus: MessageBus, applied: ProjectionRunner) => new DecisionPublisher(store, bus, { applied }),
  },
  { provide: ScopeModes, inject: [EVENT_STORE], useFactory: (store: EventStore) => new ScopeModes(store) },
  {
    provide: InformationRequestWorkflow,
    inject: [EVENT_STORE, DecisionPublisher, ScopeModes, CLOCK],
    useFactory: (s: EventStore, p: DecisionPublisher, m: ScopeModes, c: Clock) => new InformationRequestWorkflow(s, p, m, c),
  },
  {
    provide: PriorityRatedRequestWorkflow,
    inject: [EVENT_STORE, DecisionPublisher, ScopeModes, OperatorQueuesView, CLOCK],
    useFactory: (s: EventStore, p: DecisionPublisher, m: ScopeModes, q: OperatorQueuesView, c: Clock) => new PriorityRatedRequestWorkflow(s, p, m, q, c),
  },
  {
    provide: StockDistributionWorkflow,
    inject: [EVENT_STORE, DecisionPublisher, ScopeModes, CLOCK],
    useFactory: (s: EventStore, p: DecisionPublisher, m: ScopeModes, c: Clock) => new StockDistributionWorkflow(s, p, m, c),
  },
  {
    provide: JointProcurementWorkflow,
    inject: [EVENT_STORE, DecisionPublisher, ScopeModes, CLOCK],
    useFactory: (s: EventStore, p: DecisionPublisher, m: ScopeModes, c: Clock) => new JointProcurementWorkflow(s, p, m, c),
  },
  {
    provide: ResponseScheduleRunner,
    inject: [OpenInstrumentsView, InformationRequestWorkflow, PriorityRatedRequestWorkflow, CLOCK],
    useFactory: (v: OpenInstrumentsView, i: InformationRequestWorkflow, p: PriorityRatedRequestWorkflow, c: Clock) =>
      new ResponseScheduleRunner(v, i, p, c, logError('response-schedule')),
  },
];

/**
 * Response: the IMERA instruments the Commission uses once a mode is active (information requests,
 * priority-rated requests, stock distribution, joint procurement), each guarded by its scope's mode, with
 * the schedule that applies their deadlines and ends them with the mode. Decisions go to the message bus;
 * the recording module appends them to the event store.
 */
@Module({
  controllers: [InformationRequestsController, PriorityRatedRequestsController, StockDistributionsController, JointProcurementsController, OpenInstrumentsController],
  providers: [...views, ...workflows],
  exports: [OpenInstrumentsView, RemainingStockView, OperatorQueuesView, ResponseScheduleRunner],
})
export class ResponseModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(READ_MODELS_RUNNER) private readonly readModels: ProjectionRunner,
    @Inject(ResponseScheduleRunner) private readonly schedule: ResponseScheduleRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.readModels.start();
    // The schedule judges what is due from the complete picture, so it starts once the read models caught up.
    if (!this.config.schedulesDriven) void this.readModels.caughtUp.then(() => this.schedule.start());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
    await this.readModels.stop();
  }
}

function logError(context: string): (...args: unknown[]) => void {
  const logger = new Logger(context);
  return (...args) => {
    const error = args[args.length - 1];
    logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
  };
}
