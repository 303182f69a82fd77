import { EventStore } from '@imera/event-sourcing';
import { evolveScopeMode, initialScopeModeState, ScopeModeSnapshot, scopeStream, toScopeModeSnapshot } from '@imera/domain/imera-modes';
import { loadStream } from '@imera/platform';

/**
 * The mode a scope is in right now, folded from its own stream (`scope-<id>`) at the moment a command is
 * decided: read-your-writes, and no dependency on another service's projection.
 */
export class ScopeModes {
  constructor(private readonly store: EventStore) {}

  async snapshot(scopeId: string): Promise<ScopeModeSnapshot> {
    const loaded = await loadStream(this.store, scopeStream(scopeId), { evolve: evolveScopeMode, initialState: initialScopeModeState });
    return toScopeModeSnapshot(loaded.state, scopeId);
  }
}
