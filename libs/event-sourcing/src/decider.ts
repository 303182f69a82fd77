import { Event } from './event';

/**
 * Business logic as three pure functions. `decide` turns a command into events given the current state,
 * or throws a domain error; `evolve` folds an event into the state. No clock, randomness or I/O inside:
 * whatever the decision needs (such as the time) comes in the command.
 */
export interface Decider<Command, State, E extends Event> {
  decide(command: Command, state: State): E[];
  evolve(state: State, event: E): State;
  initialState(): State;
}

export function foldEvents<State, E extends Event>(
  decider: Pick<Decider<unknown, State, E>, 'evolve' | 'initialState'>,
  events: readonly E[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/** A rule of the domain was broken; carries a stable code the HTTP layer maps to a status. */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
