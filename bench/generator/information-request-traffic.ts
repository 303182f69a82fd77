import {
  AddressedOperator,
  INFORMATION_REQUEST_SCHEMA_VERSION,
  InformationRequestEvent,
  informationRequestStream,
} from '@imera/domain/information-requests';
import { EventSink, SyntheticAppend } from './event-sink';
import { SyntheticOperator } from './operators';

interface OpenRequest {
  readonly requestId: string;
  readonly scopeId: string;
  readonly pending: AddressedOperator[];
}

const COMMISSION = 'user:commission-crisis-cell-1';

/** Information requests (IMERA Art 27) to key market operators, answered or declined one by one. */
export class InformationRequestTraffic {
  private readonly open: OpenRequest[] = [];

  constructor(private readonly sink: EventSink, private readonly operators: readonly SyntheticOperator[], private readonly scopeIds: readonly string[]) {}

  next(): SyntheticAppend {
    const random = this.sink.random;
    if (this.open.length < 3 || (this.open.length < 20 && random.chance(0.1))) return this.issue();
    const index = random.int(0, this.open.length - 1);
    const request = this.open[index];
    const addressee = request.pending.pop()!;
    if (request.pending.length === 0) {
      const last = this.open.pop()!;
      if (index < this.open.length) this.open[index] = last;
    }
    const base = { requestId: request.requestId, scopeId: request.scopeId, operatorId: addressee.operatorId, memberState: addressee.memberState };
    const actor = `operator:${addressee.operatorId}`;
    if (random.chance(0.15)) {
      const reasons = 'The requested figures are trade secrets of our customers; aggregated figures can be provided through the national authority.';
      return this.emit(request, { type: 'InformationRequestDeclined', data: { ...base, reasons, mandatory: false, declinedAt: this.sink.now } }, actor);
    }
    const figures = [
      { topic: 'production-capacity' as const, label: 'Annual production capacity', goods: 'sintered NdFeB magnets', value: random.int(50, 5_000), unit: 't/year', period: this.sink.now.slice(0, 4) },
      { topic: 'stocks' as const, label: 'Stock of input material', value: random.int(0, 400), unit: 't', period: `as of ${this.sink.now.slice(0, 10)}` },
    ];
    const text = 'Figures as of the end of last month; capacity utilisation is limited by the input supply described in our notification.';
    return this.emit(request, { type: 'InformationRequestAnswered', data: { ...base, figures, text, answeredAt: this.sink.now } }, actor);
  }

  private issue(): SyntheticAppend {
    const random = this.sink.random;
    const addressees = Array.from({ length: random.int(3, 8) }, () => {
      const { operator, memberState } = random.pick(this.operators);
      return { operatorId: operator.id, operatorName: operator.name, memberState };
    }).filter((addressee, at, all) => all.findIndex((other) => other.operatorId === addressee.operatorId) === at);
    const request: OpenRequest = { requestId: random.uuid(), scopeId: random.pick(this.scopeIds), pending: [...addressees] };
    this.open.push(request);
    return this.emit(request, {
      type: 'InformationRequestIssued',
      data: {
        requestId: request.requestId,
        scopeId: request.scopeId,
        issuedInMode: random.chance(0.8) ? 'vigilance' : 'emergency',
        mandatory: false,
        topics: ['production-capacity', 'stocks', 'supply-disruptions'],
        goods: ['sintered NdFeB magnets', 'rare-earth oxides'],
        questions: 'Please state your production capacity, current stocks of input materials and expected disruptions over the next three months.',
        addressees,
        deadline: `${this.sink.dateIn(14)}T23:59:59.000Z`,
        issuedAt: this.sink.now,
        issuedBy: COMMISSION,
      },
    }, COMMISSION);
  }

  private emit(request: OpenRequest, event: InformationRequestEvent, actor: string): SyntheticAppend {
    return this.sink.emit(informationRequestStream(request.requestId), event, INFORMATION_REQUEST_SCHEMA_VERSION, actor);
  }
}
