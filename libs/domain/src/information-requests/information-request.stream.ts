import { streamName } from '@imera/event-sourcing';

export const INFORMATION_REQUEST_STREAM_CATEGORY = 'infoRequest';

export function informationRequestStream(requestId: string): string {
  return streamName(INFORMATION_REQUEST_STREAM_CATEGORY, requestId);
}
