import { EventStore, Subscription } from '@imera/event-sourcing';

/**
 * Follows the whole log to know how many events it holds and where each one sits, so the lag of a
 * projection (whose checkpoint is an opaque position, a byte offset in the file log) can be told in events.
 * Keeps 8 bytes per event. It lists the stored events' positions first (no payload decoded: at a million
 * events, decoding them kept the app busy for seconds after a restart) and then follows appends live.
 */
export class EventLogWatcher {
  private positions = new Float64Array(1024);
  private count = 0;
  private subscription: Subscription | undefined;
  private stopped = false;
  private listing: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore, private readonly onError: (error: unknown) => void = () => undefined) {}

  start(): void {
    this.listing = this.listStored().then(() => {
      if (!this.stopped) this.follow(this.last);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.listing;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  /** Events seen in the log so far. */
  get events(): number {
    return this.count;
  }

  /** Events after `position` (all of them when undefined): what a reader at that checkpoint still has to apply. */
  eventsAfter(position: number | undefined): number {
    if (position === undefined) return this.count;
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.positions[middle] <= position) low = middle + 1;
      else high = middle;
    }
    return this.count - low;
  }

  /** A failed listing is reported; following from the last position listed reads the rest. */
  private async listStored(): Promise<void> {
    try {
      for await (const positions of this.store.readAllPositions()) {
        if (this.stopped) return;
        for (const position of positions) this.add(position);
      }
    } catch (error) {
      this.onError(error);
    }
  }

  private get last(): number | undefined {
    return this.count > 0 ? this.positions[this.count - 1] : undefined;
  }

  private follow(after: number | undefined): void {
    const subscription = this.store.subscribeToAll({
      after,
      onEvent: (event) => this.add(event.globalPosition),
      onError: (error) => {
        this.onError(error);
        if (this.subscription !== subscription) return;
        const last = this.last;
        setTimeout(() => this.subscription === subscription && this.follow(last), 1_000).unref();
      },
    });
    this.subscription = subscription;
  }

  private add(position: number): void {
    if (this.count === this.positions.length) {
      const grown = new Float64Array(this.positions.length * 2);
      grown.set(this.positions);
      this.positions = grown;
    }
    this.positions[this.count++] = position;
  }
}
