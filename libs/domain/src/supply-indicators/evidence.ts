import { RecordedEvent } from '@imera/event-sourcing';

/** Which recorded event an indicator value rests on: enough to find it again and to cite it. */
export interface EvidenceRef {
  readonly eventId: string;
  readonly globalPosition: number;
  readonly streamName: string;
  readonly type: string;
}

export function evidenceOf(event: RecordedEvent): EvidenceRef {
  return { eventId: event.id, globalPosition: event.globalPosition, streamName: event.streamName, type: event.type };
}

/** Evidence from several values, each event once, in log order. */
export function mergeEvidence(...lists: readonly (readonly EvidenceRef[])[]): EvidenceRef[] {
  const byPosition = new Map<number, EvidenceRef>();
  for (const list of lists) for (const ref of list) byPosition.set(ref.globalPosition, ref);
  return [...byPosition.values()].sort((a, b) => a.globalPosition - b.globalPosition);
}

/** The evidence of several tracked items together. */
export function evidenceOfAll(items: readonly { readonly evidence: readonly EvidenceRef[] }[]): EvidenceRef[] {
  return mergeEvidence(...items.map((item) => item.evidence));
}
