import { Decider, Event, EventStore, RecordedEvent } from '@imera/event-sourcing';

export interface LoadedStream<State> {
  readonly state: State;
  /** Revision of the last event, -1 when the stream does not exist. */
  readonly revision: number;
  readonly events: readonly RecordedEvent[];
}

/** Folds a stream through a decider's evolve to get the state a command is decided against. */
export async function loadStream<State, E extends Event>(
  store: EventStore,
  streamName: string,
  decider: Pick<Decider<unknown, State, E>, 'evolve' | 'initialState'>,
): Promise<LoadedStream<State>> {
  let state = decider.initialState();
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamName)) {
    state = decider.evolve(state, event as unknown as E);
    events.push(event);
  }
  return { state, revision: events.length - 1, events };
}
