import { JointProcurementCommand, jointProcurementDecider, jointProcurementStream } from '@imera/domain/joint-procurement';
import { analyst, memberState } from '../../../../test/support/tokens';
import { snapshot } from '../../test/support/instrument-commands';
import { decideInto, TestLog } from '../../test/support/test-log';
import { evolveJointProcurementRecord, JointProcurementRecord, visibleJointProcurement } from './joint-procurement.record';

const ID = 'jp-1';
const at = (day: number) => `2026-06-${String(day).padStart(2, '0')}T10:00:00.000Z`;

function recordAfter(commands: JointProcurementCommand[]): JointProcurementRecord {
  const log = new TestLog();
  decideInto(log, jointProcurementStream(ID), jointProcurementDecider, commands);
  return log.events.reduce(evolveJointProcurementRecord, undefined)!;
}

const requested: JointProcurementCommand = { type: 'RequestJointProcurement', procurementId: ID, scope: snapshot('emergency'), requestingMemberStates: ['DE', 'FR'], materials: [{ material: 'dysprosium', unit: 'kg' }], rationale: 'Pooling', requestedAt: at(1), requestedBy: 'authority-de' };
const accepted: JointProcurementCommand = { type: 'AcceptJointProcurement', procurementId: ID, scope: snapshot('emergency'), reasons: 'Board agrees', memberStates: ['DE', 'FR', 'IT', 'PL'], demandDeadline: at(8), decidedAt: at(2), decidedBy: 'crisis-cell-1' };
const demand = (ms: string, quantity: number): JointProcurementCommand => ({ type: 'StateDemand', procurementId: ID, memberState: ms, material: 'dysprosium', quantity, statedAt: at(3) });
const rest: JointProcurementCommand[] = [
  { type: 'AggregateDemand', procurementId: ID, at: at(9) },
  { type: 'RecordSupplierOffer', procurementId: ID, offerId: 'offer-1', supplierId: 'supplier-1', supplierName: 'Atlas Rare Earths SA', material: 'dysprosium', quantity: 300, unitPrice: { amount: 410, currency: 'EUR' }, receivedAt: at(10) },
  { type: 'MatchDemandAndOffers', procurementId: ID, at: at(11) },
];

describe('a joint procurement as each reader sees it', () => {
  const published = () => recordAfter([requested, accepted, demand('DE', 400), demand('FR', 200), demand('IT', 0), ...rest, { type: 'PublishResults', procurementId: ID, at: at(12) }]);

  it('follows request, invitation, demand, aggregation, offers, matching and publication', () => {
    const record = published();
    expect(record.status).toBe('published');
    expect(record.invitation?.invitedMemberStates).toEqual(['DE', 'FR', 'IT', 'PL']);
    expect(record.aggregated?.participants).toEqual(['DE', 'FR']);
    expect(record.matching?.results[0]).toMatchObject({ material: 'dysprosium', totalDemand: 600, totalOffered: 300, totalMatched: 300 });
    expect(record.publication?.publishedTo).toEqual(['DE', 'FR']);
  });

  it('gives a participant the totals and its own share once published, never the offers list or others\' demand', () => {
    const shown = visibleJointProcurement(published(), memberState('FR'))!;
    expect(shown.demand.map((d) => d.memberState)).toEqual(['FR']);
    expect(shown.offers).toEqual([]);
    expect(shown.aggregated?.demand[0].byMemberState).toEqual([{ memberState: 'FR', quantity: 200 }]);
    const [result] = shown.matching!.results;
    expect(result.participants).toEqual([{ memberState: 'FR', demand: 200, matched: 100 }]);
    expect(result.matches).toEqual([{ offerId: 'offer-1', supplierId: 'supplier-1', memberState: 'FR', quantity: 100 }]);
  });

  it('keeps the results from invited Member States that did not take part, and from everyone before publication', () => {
    expect(visibleJointProcurement(published(), memberState('PL'))?.matching).toBeUndefined();
    const matched = recordAfter([requested, accepted, demand('DE', 400), ...rest]);
    expect(visibleJointProcurement(matched, memberState('DE'))?.matching).toBeUndefined();
    expect(visibleJointProcurement(matched, analyst)?.matching?.results).toHaveLength(1);
  });

  it('hides a request from Member States neither requesting nor invited', () => {
    expect(visibleJointProcurement(recordAfter([requested]), memberState('IT'))).toBeUndefined();
    expect(visibleJointProcurement(recordAfter([requested]), memberState('FR'))).toBeDefined();
  });
});
