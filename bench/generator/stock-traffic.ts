import { STRATEGIC_STOCK_SCHEMA_VERSION, StrategicStockReported, strategicStockStream } from '@imera/domain/strategic-stocks';
import { EventSink, SyntheticAppend } from './event-sink';
import { WeightedChoice } from './seeded-random';
import { NOTIFIED_MATERIALS, SITES, STOCK_FORMS } from './vocabulary';

/** Member States' strategic stock reports (CRMA Art 22), one stream per Member State and material. */
export class StockTraffic {
  private readonly materials = new WeightedChoice(NOTIFIED_MATERIALS);
  private readonly memberStates = Object.keys(SITES);

  constructor(private readonly sink: EventSink) {}

  next(): SyntheticAppend {
    const random = this.sink.random;
    const memberState = random.pick(this.memberStates);
    const material = this.materials.pick(random);
    const event: StrategicStockReported = {
      type: 'StrategicStockReported',
      data: {
        reportId: random.uuid(),
        memberState,
        material,
        tonnesHeld: random.decimal(0, 400, 1),
        ...(random.chance(0.7) ? { shareOfNationalConsumption: random.decimal(0, 0.5, 3) } : {}),
        form: random.pick(STOCK_FORMS),
        ...(random.chance(0.5) ? { purity: `${random.int(95, 99)}.${random.int(0, 99)}%` } : {}),
        ...(random.chance(0.3) ? { releaseRules: 'Released by ministerial order to operators in the national defence and energy sectors first' } : {}),
        reportedAt: this.sink.now.slice(0, 10),
        recordedAt: this.sink.now,
      },
    };
    const actor = `user:${memberState.toLowerCase()}-stock-agency`;
    return this.sink.emit(strategicStockStream(memberState, material), event, STRATEGIC_STOCK_SCHEMA_VERSION, actor);
  }
}
