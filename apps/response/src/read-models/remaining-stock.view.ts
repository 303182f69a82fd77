import { RecordedEvent } from '@imera/event-sourcing';
import { StockDistributionEvent } from '@imera/domain/stock-distribution';
import { CheckpointedProjection, entriesOf, refill } from '@imera/platform';

export interface RemainingStock {
  readonly memberState: string;
  readonly material: string;
  readonly unit: string;
  /** The latest stock report (CRMA Art 22) in a distribution round; null when the Member State only received. */
  readonly reported: { readonly held: number; readonly protectedFloor: number; readonly reportedAt: string; readonly roundId: string } | null;
  /** Dispatched from this stock since the report. */
  readonly dispatched: number;
  /** Received into this stock since the report. */
  readonly received: number;
  readonly remaining: number;
  /** What may still be released: the remaining stock above the protected floor. */
  readonly releasable: number;
}

interface RoundInfo {
  readonly material: string;
  readonly unit: string;
}

interface SavedRemainingStock {
  readonly rounds: Array<[string, RoundInfo]>;
  readonly stocks: Array<[string, RemainingStock]>;
}

/**
 * Strategic stock per Member State and material after distribution orders: the latest report, minus what
 * was dispatched and plus what was received since. A new report states the stock as it then is, movements
 * included, so it starts the count again.
 */
export class RemainingStockView implements CheckpointedProjection<SavedRemainingStock> {
  readonly name = 'remaining-stock';
  readonly version = 'remaining-stock@1';
  private readonly rounds = new Map<string, RoundInfo>();
  private readonly stocks = new Map<string, RemainingStock>();

  snapshot(): SavedRemainingStock {
    return { rounds: entriesOf(this.rounds), stocks: entriesOf(this.stocks) };
  }

  restore(saved: SavedRemainingStock): void {
    refill(this.rounds, saved.rounds);
    refill(this.stocks, saved.stocks);
  }

  apply(recorded: RecordedEvent): void {
    if (!recorded.streamName.startsWith('stockDistribution-')) return;
    const event = recorded as unknown as StockDistributionEvent;
    if (event.type === 'StockDistributionRoundOpened') {
      this.rounds.set(event.data.roundId, { material: event.data.material, unit: event.data.unit });
      return;
    }
    const round = 'roundId' in event.data ? this.rounds.get(event.data.roundId) : undefined;
    if (!round) return;
    switch (event.type) {
      case 'StocksReported': {
        const { memberState, held, protectedFloor, reportedAt, roundId } = event.data;
        this.put({ ...this.entry(memberState, round), reported: { held, protectedFloor, reportedAt, roundId }, dispatched: 0, received: 0 });
        return;
      }
      case 'StockDistributionOrderDispatched': {
        const entry = this.entry(event.data.from, round);
        this.put({ ...entry, dispatched: entry.dispatched + event.data.quantity });
        return;
      }
      case 'StockDistributionOrderDelivered': {
        const entry = this.entry(event.data.to, round);
        this.put({ ...entry, received: entry.received + event.data.quantityReceived });
        return;
      }
      default:
        return;
    }
  }

  list(filter: { material?: string; memberState?: string } = {}): RemainingStock[] {
    return [...this.stocks.values()]
      .filter((s) => (!filter.material || s.material === filter.material) && (!filter.memberState || s.memberState === filter.memberState))
      .sort((a, b) => compare(a.material, b.material) || compare(a.memberState, b.memberState) || compare(a.unit, b.unit));
  }

  private entry(memberState: string, round: RoundInfo): RemainingStock {
    const empty = { memberState, material: round.material, unit: round.unit, reported: null, dispatched: 0, received: 0, remaining: 0, releasable: 0 };
    return this.stocks.get(key(memberState, round)) ?? empty;
  }

  private put(entry: RemainingStock): void {
    const remaining = (entry.reported?.held ?? 0) - entry.dispatched + entry.received;
    const releasable = Math.max(0, remaining - (entry.reported?.protectedFloor ?? 0));
    this.stocks.set(key(entry.memberState, entry), { ...entry, remaining, releasable });
  }
}

function key(memberState: string, round: RoundInfo): string {
  return JSON.stringify([memberState, round.material, round.unit]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
