import { defaultCrisisScopes } from '@imera/reference-data';
import { EventSink, SyntheticAppend } from './event-sink';
import { ExportControlTraffic } from './export-control-traffic';
import { InformationRequestTraffic } from './information-request-traffic';
import { NotificationTraffic } from './notification-traffic';
import { operatorPopulation } from './operators';
import { ScopeModeTraffic } from './scope-mode-traffic';
import { SeededRandom, WeightedChoice } from './seeded-random';
import { StockTraffic } from './stock-traffic';

export type { SyntheticAppend } from './event-sink';

export interface SyntheticEventOptions {
  readonly seed: number;
  /** Virtual time of the first event (default 2023-01-02T00:00:00Z). */
  readonly start?: string;
  /** Average events per virtual day: sets how many years a number of events spans (default 2,000). */
  readonly eventsPerDay?: number;
  /** Most operator notifications open at once (default 400). */
  readonly maxOpenNotifications?: number;
  /** Size of the key-market-operator population (default 600). */
  readonly operators?: number;
}

type Kind = 'notification' | 'stock' | 'information-request' | 'export-control' | 'scope-mode';

/** Share of each kind of event in the traffic (out of 1,000). */
const MIX: readonly (readonly [Kind, number])[] = [
  ['notification', 780],
  ['stock', 80],
  ['information-request', 110],
  ['export-control', 25],
  ['scope-mode', 5],
];

/**
 * A seeded, deterministic stream of realistic events of the real domain types: operator notifications across
 * materials and Member States, export controls, strategic stock reports, information requests and IMERA
 * mode decisions. The same seed and options always give the same events, ids and times included.
 */
export class SyntheticEvents {
  private readonly sink: EventSink;
  private readonly kinds = new WeightedChoice(MIX);
  private readonly traffic: Readonly<Record<Kind, { next(): SyntheticAppend }>>;
  private readonly stepMs: number;

  constructor(options: SyntheticEventOptions) {
    const random = new SeededRandom(options.seed);
    this.sink = new EventSink(random, Date.parse(options.start ?? '2023-01-02T00:00:00Z'));
    this.stepMs = 86_400_000 / (options.eventsPerDay ?? 2_000);
    const operators = operatorPopulation(random, options.operators ?? 600);
    const scopeIds = defaultCrisisScopes().map((scope) => scope.id);
    this.traffic = {
      notification: new NotificationTraffic(this.sink, operators, options.maxOpenNotifications ?? 400),
      stock: new StockTraffic(this.sink),
      'information-request': new InformationRequestTraffic(this.sink, operators, scopeIds),
      'export-control': new ExportControlTraffic(this.sink),
      'scope-mode': new ScopeModeTraffic(this.sink, scopeIds),
    };
  }

  next(): SyntheticAppend {
    this.sink.advance(Math.round(this.stepMs * (0.5 + this.sink.random.fraction())));
    return this.traffic[this.kinds.pick(this.sink.random)].next();
  }

  *take(count: number): Generator<SyntheticAppend> {
    for (let index = 0; index < count; index++) yield this.next();
  }
}
