import { RecordedEvent } from '@imera/event-sourcing';
import {
  evolveScopeMode,
  SCOPE_MODE_EVENT_TYPES,
  ScopeModeEvent,
  scopeModeStatus,
  scopeStream,
  toScopeModeSnapshot,
} from '@imera/domain/imera-modes';
import { ScopeMonitorRecord, TimelineEntry } from './crisis-monitor.state';
import { MonitorChange } from './monitor-change';

/** Whether the event is one of the scope's own mode events (stream `scope-<id>`). */
export function isScopeModeEvent(event: RecordedEvent, scopeId: string): boolean {
  return event.streamName === scopeStream(scopeId) && SCOPE_MODE_EVENT_TYPES.has(event.type);
}

/** Adds the event to the scope's timeline and, for its own mode events, folds its modes. */
export function applyScopeEvent(
  record: ScopeMonitorRecord,
  scopeId: string,
  event: RecordedEvent,
): { record: ScopeMonitorRecord; change: MonitorChange } {
  const entry: TimelineEntry = {
    eventId: event.id,
    globalPosition: event.globalPosition,
    streamName: event.streamName,
    type: event.type,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
  };
  // The timeline only grows: extended in place, as copying it per event would make a long log quadratic.
  (record.timeline as TimelineEntry[]).push(entry);
  const timeline = record.timeline;
  const base = { position: event.globalPosition, eventId: event.id, eventType: event.type, at: event.recordedAt };
  if (!isScopeModeEvent(event, scopeId)) {
    return { record: { ...record, timeline }, change: { ...base, kind: 'instrument', scopeId, streamName: event.streamName } };
  }
  const modeEvent = event as unknown as ScopeModeEvent;
  const modes = evolveScopeMode(record.modes, modeEvent);
  return { record: { ...record, modes, timeline }, change: modeChange(base, scopeId, record, modes, modeEvent) };
}

function modeChange(
  base: Pick<MonitorChange, 'position' | 'eventId' | 'eventType' | 'at'>,
  scopeId: string,
  before: ScopeMonitorRecord,
  modes: ScopeMonitorRecord['modes'],
  event: ScopeModeEvent,
): MonitorChange {
  switch (event.type) {
    case 'VigilanceModeProposed':
    case 'EmergencyModeProposed':
    case 'ModeExtensionProposed':
    case 'ModeDeactivationProposed': {
      const proposal = modes.proposal!;
      const supersedes = event.type === 'EmergencyModeProposed' ? event.data.supersedesProposalId : undefined;
      return {
        ...base,
        kind: 'proposal',
        scopeId,
        proposalId: proposal.proposalId,
        proposalKind: proposal.kind,
        mode: proposal.mode,
        status: 'open',
        ...(supersedes ? { supersedesProposalId: supersedes } : {}),
        grounds: event.data.grounds,
      };
    }
    case 'ModeProposalLapsed': {
      const { proposalId, kind, mode, reason, grounds } = event.data;
      return { ...base, kind: 'proposal', scopeId, proposalId, proposalKind: kind, mode, status: 'lapsed', reason, ...(grounds ? { grounds } : {}) };
    }
    default: {
      const snapshot = toScopeModeSnapshot(modes, scopeId);
      const act = 'act' in event.data ? { act: event.data.act } : {};
      return {
        ...base,
        kind: 'mode-changed',
        scopeId,
        previousStatus: scopeModeStatus(before.modes),
        status: scopeModeStatus(modes),
        mode: snapshot.mode,
        ...(snapshot.activeSince ? { activeSince: snapshot.activeSince, activeUntil: snapshot.activeUntil } : {}),
        ...act,
      };
    }
  }
}
