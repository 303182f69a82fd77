import { EventStore, RecordedEvent, streamCategory } from '@imera/event-sourcing';
import { scopeIdOf } from '@imera/domain/imera-modes';
import { CrisisScope, scopeCoversMaterial } from '@imera/reference-data';
import { AuditEntry, auditEntry } from './audit-entry';

/** Decides, in log order, whether an event belongs to a trail; it may remember what it has admitted. */
type Selector = (event: RecordedEvent) => boolean;

/**
 * Builds audit trails by reading the whole event log in order: nothing is pre-computed, so a trail always
 * shows exactly what the store holds. A stream that entered the trail stays in it, so follow-ups that no
 * longer name the scope or material (an update, a resolution) are part of it too.
 */
export class AuditTrail {
  constructor(private readonly store: EventStore) {}

  /** Every change that names the scope (its stream, a `scopeId`) or one of its materials, in log order. */
  scope(scope: CrisisScope): AsyncIterable<AuditEntry> {
    return this.select(followStreams((event) => namesScope(event, scope)));
  }

  /** The notification's own stream, and every later change that cites the notification or its events. */
  notification(notificationId: string): AsyncIterable<AuditEntry> {
    const stream = `notification-${notificationId}`;
    const cited = new Set<string>([notificationId]);
    return this.select((event) => {
      if (event.streamName === stream) {
        cited.add(event.id);
        return true;
      }
      const text = JSON.stringify(event.data);
      return [...cited].some((needle) => text.includes(needle));
    });
  }

  /** Every change made in one chain of work (one request and what it caused). */
  correlation(correlationId: string): AsyncIterable<AuditEntry> {
    return this.select((event) => event.metadata.correlationId === correlationId);
  }

  private async *select(selector: Selector): AsyncIterable<AuditEntry> {
    for await (const event of this.store.readAll()) if (selector(event)) yield auditEntry(event);
  }
}

function followStreams(admits: Selector): Selector {
  const streams = new Set<string>();
  return (event) => {
    if (streams.has(event.streamName) || admits(event)) {
      streams.add(event.streamName);
      return true;
    }
    return false;
  };
}

function namesScope(event: RecordedEvent, scope: CrisisScope): boolean {
  if (streamCategory(event.streamName) === 'scope') return event.streamName === `scope-${scope.id}`;
  const data = event.data as Record<string, unknown>;
  // The same rule as the crisis monitor's scope timeline: the data first, else the metadata.
  const named = scopeIdOf(event);
  if (named !== undefined) return named === scope.id;
  return materialsNamed(data).some((code) => scopeCoversMaterial(scope, code));
}

/** `material`, `materials` as codes, or `materials` as objects with a `material` code. */
function materialsNamed(data: Record<string, unknown>): string[] {
  const named: string[] = [];
  if (typeof data.material === 'string') named.push(data.material);
  if (Array.isArray(data.materials)) {
    for (const item of data.materials) {
      if (typeof item === 'string') named.push(item);
      else if (item && typeof (item as Record<string, unknown>).material === 'string') named.push((item as Record<string, string>).material);
    }
  }
  return named;
}
