import { RecordedEvent } from '@imera/event-sourcing';
import { InformationRequestAnswered } from '@imera/domain/information-requests';
import { OperatorBook, PriorityRatedRequestEvent, QueuedRequest } from '@imera/domain/priority-rated-requests';
import { CheckpointedProjection, entriesOf, refill } from '@imera/platform';

interface AcceptedRequest extends QueuedRequest {
  readonly operatorId: string;
  readonly goods: string;
  readonly unit: string;
  /** The quantity ordered, before deliveries. */
  readonly ordered: number;
}

export interface StatedCapacity {
  readonly operatorId: string;
  readonly goods: string;
  readonly unit: string;
  readonly unitsPerDay: number;
  /** Where the figure comes from: the operator's answer to an information request. */
  readonly source: { readonly requestId: string; readonly label: string; readonly value: number; readonly unit: string; readonly answeredAt: string };
}

export interface OperatorQueue {
  readonly operatorId: string;
  readonly accepted: readonly (QueuedRequest & { readonly goods: string; readonly unit: string; readonly ordered: number })[];
  readonly statedCapacities: readonly StatedCapacity[];
}

interface SavedOperatorQueues {
  readonly accepted: Array<[string, AcceptedRequest]>;
  readonly capacities: Array<[string, StatedCapacity]>;
}

/** Capacity figures per period, converted to the calendar-day rate the conflict check counts in. */
const DAYS_PER_PERIOD: Readonly<Record<string, number>> = { day: 1, d: 1, week: 7, year: 365, a: 365 };

/**
 * Each operator's book for the conflict check of new priority-rated requests (ADR 0008): the accepted
 * requests still to deliver, by delivery date then receipt, and the production capacity the operator stated
 * in its answers to information requests (a figure of topic `production-capacity` in `<unit>/day|week|year`).
 */
export class OperatorQueuesView implements CheckpointedProjection<SavedOperatorQueues> {
  readonly name = 'operator-queues';
  readonly version = 'operator-queues@1';
  private readonly accepted = new Map<string, AcceptedRequest>();
  private readonly capacities = new Map<string, StatedCapacity>();

  snapshot(): SavedOperatorQueues {
    return { accepted: entriesOf(this.accepted), capacities: entriesOf(this.capacities) };
  }

  restore(saved: SavedOperatorQueues): void {
    refill(this.accepted, saved.accepted);
    refill(this.capacities, saved.capacities);
  }

  apply(recorded: RecordedEvent): void {
    if (recorded.type === 'InformationRequestAnswered') this.capacitiesFrom(recorded as unknown as InformationRequestAnswered);
    else if (recorded.streamName.startsWith('prr-')) this.requestChanged(recorded as unknown as PriorityRatedRequestEvent);
  }

  /** What the issuer checks a new request against: same operator, same goods, same unit. */
  bookFor(operatorId: string, goods: string, unit: string): OperatorBook {
    const acceptedRequests = [...this.accepted.values()]
      .filter((r) => r.operatorId === operatorId && r.goods === goods && r.unit === unit && r.quantity > 0)
      .map(({ prrId, quantity, deliveryDate, receivedAt }) => ({ prrId, quantity, deliveryDate, receivedAt }));
    const capacity = this.capacities.get(capacityKey(operatorId, goods, unit));
    return { ...(capacity ? { unitsPerDay: capacity.unitsPerDay } : {}), acceptedRequests };
  }

  queueOf(operatorId: string): OperatorQueue {
    const accepted = [...this.accepted.values()]
      .filter((r) => r.operatorId === operatorId)
      .sort((a, b) => (a.deliveryDate < b.deliveryDate ? -1 : a.deliveryDate > b.deliveryDate ? 1 : Date.parse(a.receivedAt) - Date.parse(b.receivedAt)))
      .map(({ operatorId: _operatorId, ...request }) => request);
    const statedCapacities = [...this.capacities.values()].filter((c) => c.operatorId === operatorId);
    return { operatorId, accepted, statedCapacities };
  }

  private requestChanged(event: PriorityRatedRequestEvent): void {
    switch (event.type) {
      case 'PriorityRatedRequestAccepted': {
        const { prrId, operatorId, goods, quantity, deliveryDate, receivedAt } = event.data;
        this.accepted.set(prrId, { prrId, operatorId, goods, unit: quantity.unit, ordered: quantity.amount, quantity: quantity.amount, deliveryDate, receivedAt });
        return;
      }
      case 'PriorityRatedDeliveryRecorded': {
        const request = this.accepted.get(event.data.prrId);
        // Only what arrives on time frees capacity for the dates the queue is checked against.
        if (request && event.data.onTime) this.accepted.set(request.prrId, { ...request, quantity: Math.max(0, request.quantity - event.data.quantity.amount) });
        return;
      }
      case 'PriorityRatedRequestFulfilled':
      case 'PriorityRatedRequestBreached':
      case 'PriorityRatedRequestEndedWithMode':
        this.accepted.delete(event.data.prrId);
        return;
      default:
        return;
    }
  }

  private capacitiesFrom(event: InformationRequestAnswered): void {
    const { operatorId, requestId, answeredAt } = event.data;
    for (const figure of event.data.figures) {
      const rate = /^\s*(.+?)\s*\/\s*([a-z]+)\s*$/.exec(figure.unit);
      const days = rate ? DAYS_PER_PERIOD[rate[2]] : undefined;
      if (figure.topic !== 'production-capacity' || !figure.goods || !rate || days === undefined) continue;
      const unit = rate[1];
      this.capacities.set(capacityKey(operatorId, figure.goods, unit), {
        operatorId,
        goods: figure.goods,
        unit,
        unitsPerDay: figure.value / days,
        source: { requestId, label: figure.label, value: figure.value, unit: figure.unit, answeredAt },
      });
    }
  }
}

function capacityKey(operatorId: string, goods: string, unit: string): string {
  return JSON.stringify([operatorId, goods, unit]);
}
