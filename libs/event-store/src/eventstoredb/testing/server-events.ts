import { AllStreamRecordedEvent, AllStreamResolvedEvent } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';

/** An event as the client hands it over from `$all`, for tests that need no server. */
export function serverEvent(
  overrides: Partial<Omit<AllStreamRecordedEvent, 'isJson'>> & { readonly commit?: bigint } = {},
): AllStreamResolvedEvent {
  const { commit = 1000n, ...rest } = overrides;
  const event = {
    streamId: 'scope-rare-earth-magnets',
    id: randomUUID(),
    revision: 0n,
    type: 'VigilanceModeActivated',
    created: new Date('2026-03-02T09:30:00.000Z'),
    data: { scopeId: 'rare-earth-magnets' },
    metadata: { schemaVersion: 2, metadata: { correlationId: 'c-1', actor: 'officer:anna' }, $correlationId: 'c-1' },
    isJson: true as const,
    position: { commit, prepare: commit },
    ...rest,
  } as AllStreamRecordedEvent;
  return { event, commitPosition: event.position.commit };
}
