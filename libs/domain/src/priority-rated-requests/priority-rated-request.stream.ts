import { streamName } from '@imera/event-sourcing';

export const PRIORITY_RATED_REQUEST_STREAM_CATEGORY = 'prr';

export function priorityRatedRequestStream(prrId: string): string {
  return streamName(PRIORITY_RATED_REQUEST_STREAM_CATEGORY, prrId);
}
