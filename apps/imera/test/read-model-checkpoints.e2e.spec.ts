import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ManualClock } from '@imera/event-sourcing';
import { AppConfig, CheckpointedProjection, EVENT_STORE, openEventStore, Readiness, rebuildProjection, serialiseProjection } from '@imera/platform';
import { SyntheticEvents } from '../../../bench/generator/synthetic-events';
import { createApp } from '../src/bootstrap';
import { ExportControlsView } from '../../intake/src/export-controls/export-controls.view';
import { NotificationsView } from '../../intake/src/operator-notifications/notifications.view';
import { INFORMATION_REQUESTS_VIEW } from '../../response/src/information-requests/information-requests.controller';
import { isInformationRequestEvent, evolveInformationRequestRecord } from '../../response/src/information-requests/information-request.record';
import { isJointProcurementEvent, evolveJointProcurementRecord } from '../../response/src/joint-procurements/joint-procurement.record';
import { JOINT_PROCUREMENTS_VIEW } from '../../response/src/joint-procurements/joint-procurements.controller';
import { isPriorityRatedRequestEvent, evolvePriorityRatedRequestRecord } from '../../response/src/priority-rated-requests/priority-rated-request.record';
import { PRIORITY_RATED_REQUESTS_VIEW } from '../../response/src/priority-rated-requests/priority-rated-requests.controller';
import { OpenInstrumentsView } from '../../response/src/read-models/open-instruments.view';
import { OperatorQueuesView } from '../../response/src/read-models/operator-queues.view';
import { RemainingStockView } from '../../response/src/read-models/remaining-stock.view';
import { RecordsView } from '../../response/src/shared/records-view';
import { isStockDistributionEvent, evolveStockDistributionRecord } from '../../response/src/stock-distributions/stock-distribution.record';
import { STOCK_DISTRIBUTIONS_VIEW } from '../../response/src/stock-distributions/stock-distributions.controller';

/** The intake and response read models as the app holds them, each with a fresh twin for a rebuild. */
const READ_MODELS: ReadonlyArray<{ token: unknown; fresh: () => CheckpointedProjection }> = [
  { token: NotificationsView, fresh: () => new NotificationsView() },
  { token: ExportControlsView, fresh: () => new ExportControlsView() },
  { token: INFORMATION_REQUESTS_VIEW, fresh: () => new RecordsView('information-requests', isInformationRequestEvent, evolveInformationRequestRecord) },
  { token: PRIORITY_RATED_REQUESTS_VIEW, fresh: () => new RecordsView('priority-rated-requests', isPriorityRatedRequestEvent, evolvePriorityRatedRequestRecord) },
  { token: STOCK_DISTRIBUTIONS_VIEW, fresh: () => new RecordsView('stock-distributions', isStockDistributionEvent, evolveStockDistributionRecord) },
  { token: JOINT_PROCUREMENTS_VIEW, fresh: () => new RecordsView('joint-procurements', isJointProcurementEvent, evolveJointProcurementRecord) },
  { token: OperatorQueuesView, fresh: () => new OperatorQueuesView() },
  { token: RemainingStockView, fresh: () => new RemainingStockView() },
  { token: OpenInstrumentsView, fresh: () => new OpenInstrumentsView() },
];
const RUNNERS = ['projection:notifications', 'projection:export-controls', 'projection:response-instruments'];
const EVENTS_BEFORE_FIRST_START = 3_000;

describe('intake and response read models resume from their checkpoints', () => {
  let dataDir: string;
  let app: NestFastifyApplication | undefined;
  // The synthetic history ends on 2023-01-03; the app's clock stands just after it.
  const clock = new ManualClock('2023-01-04T00:00:00Z');
  const config = (): AppConfig => ({ host: '127.0.0.1', port: 0, dataDir, eventStore: 'file' });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'imera-checkpoints-'));
    const { store } = await openEventStore(config(), clock);
    for (const append of new SyntheticEvents({ seed: 11 }).take(EVENTS_BEFORE_FIRST_START)) {
      await store.appendToStream(append.streamName, [append.event], { expectedRevision: append.expectedRevision });
    }
    await store.close();
  }, 120_000);
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = async () => {
    app = await createApp(config(), { clock, logger: ['error'] });
    await app.init();
    const readiness = app.get(Readiness);
    for (let attempt = 0; attempt < 1_200 && !readiness.isReady; attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(readiness.isReady).toBe(true);
    return { app, readiness };
  };
  const details = (readiness: Readiness) => RUNNERS.map((runner) => readiness.snapshot()[runner]?.detail ?? 'missing');
  /** Every read model equals a fresh one folded from the whole log (retried while the app settles). */
  const expectEqualToRebuild = async (running: NestFastifyApplication) => {
    for (let attempt = 0; ; attempt++) {
      const held = READ_MODELS.map(({ token }) => serialiseProjection(running.get(token as never) as CheckpointedProjection));
      const rebuilt = await Promise.all(READ_MODELS.map(async ({ fresh }) => {
        const projection = fresh();
        await rebuildProjection(running.get(EVENT_STORE), projection);
        return serialiseProjection(projection);
      }));
      if (attempt >= 40 || held.every((state, index) => state === rebuilt[index])) return expect(held).toEqual(rebuilt);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('a first start folds the log and saves a checkpoint of each', async () => {
    const { app: first, readiness } = await start();
    expect(details(readiness).every((detail) => detail.startsWith('replayed from the start'))).toBe(true);
    await expectEqualToRebuild(first);
    expect((first.get(NotificationsView) as NotificationsView).list().records.length).toBeGreaterThan(100);
    expect((first.get(INFORMATION_REQUESTS_VIEW as never) as RecordsView<{ scopeId: string }>).list().length).toBeGreaterThan(0);
  }, 120_000);

  it('a restart resumes after the checkpoints, follows new events and equals a full rebuild', async () => {
    const saved = JSON.parse(readFileSync(join(dataDir, 'projections', 'notifications.json'), 'utf8')) as { position: number };
    const { app: second, readiness } = await start();
    expect(details(readiness)).toEqual(RUNNERS.map(() => expect.stringMatching(/^resumed after snapshot at \d+/)));
    expect(details(readiness)[0]).toContain(`resumed after snapshot at ${saved.position}`);

    // New filings after the restart reach the resumed views.
    const later = [...new SyntheticEvents({ seed: 12 }).take(400)].filter((append) => append.event.type === 'OperatorNotificationFiled').slice(0, 20);
    for (const append of later) await second.get(EVENT_STORE).appendToStream(append.streamName, [append.event], { expectedRevision: 'no-stream' });
    await expectEqualToRebuild(second);
    const notifications = second.get(NotificationsView) as NotificationsView;
    expect(later.every((append) => notifications.get((append.event.data as { notificationId: string }).notificationId))).toBe(true);
  }, 120_000);

  it('takes the state before the checkpoint from the checkpoint: the events before it are not read again', async () => {
    // A record removed from the saved state stays absent after the restart; a replay from zero would bring it back.
    const file = join(dataDir, 'projections', 'notifications.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { state: Array<[string, unknown]> };
    const [droppedId] = saved.state.shift()!;
    writeFileSync(file, JSON.stringify(saved));
    const { app: third } = await start();
    const notifications = third.get(NotificationsView) as NotificationsView;
    expect(notifications.get(droppedId)).toBeUndefined();
    const rebuilt = new NotificationsView();
    await rebuildProjection(third.get(EVENT_STORE), rebuilt);
    expect(rebuilt.get(droppedId)).toBeDefined();
  }, 120_000);
});
