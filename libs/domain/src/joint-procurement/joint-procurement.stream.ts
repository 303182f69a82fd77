import { streamName } from '@imera/event-sourcing';

export const JOINT_PROCUREMENT_STREAM_CATEGORY = 'jointProcurement';

export function jointProcurementStream(procurementId: string): string {
  return streamName(JOINT_PROCUREMENT_STREAM_CATEGORY, procurementId);
}
