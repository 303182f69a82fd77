import { StockDistributionCommand, stockDistributionDecider, stockDistributionStream } from '@imera/domain/stock-distribution';
import { snapshot } from '../../test/support/instrument-commands';
import { decideInto, TestLog } from '../../test/support/test-log';
import { RemainingStockView } from './remaining-stock.view';

const at = '2026-06-01T10:00:00.000Z';

describe('remaining strategic stock after distribution orders', () => {
  it('subtracts what a holder dispatched and adds what a recipient received, per Member State and material', () => {
    const log = new TestLog();
    const commands: StockDistributionCommand[] = [
      { type: 'OpenDistributionRound', roundId: 'r-1', scope: snapshot('emergency'), material: 'dysprosium', unit: 'kg', basis: 'need', openedAt: at, openedBy: 'crisis-cell-1' },
      { type: 'ReportStocks', roundId: 'r-1', memberState: 'DE', held: 1000, protectedFloor: 200, reportedAt: at },
      { type: 'ReportStocks', roundId: 'r-1', memberState: 'FR', held: 50, protectedFloor: 50, reportedAt: at },
      { type: 'ReportCriticalNeeds', roundId: 'r-1', memberState: 'FR', need: 300, consumption: 900, reportedAt: at },
      { type: 'IssueDistributionOrders', roundId: 'r-1', scope: snapshot('emergency'), issuedAt: at, issuedBy: 'crisis-cell-1' },
      { type: 'DispatchOrder', roundId: 'r-1', orderId: 'DE-FR', memberState: 'DE', quantity: 300, dispatchedAt: at },
      { type: 'ConfirmDelivery', roundId: 'r-1', orderId: 'DE-FR', memberState: 'FR', quantityReceived: 290, deliveredAt: at },
    ];
    decideInto(log, stockDistributionStream('r-1'), stockDistributionDecider, commands);
    const view = new RemainingStockView();
    for (const event of log.events) view.apply(event);

    expect(view.list({ material: 'dysprosium' }).map(({ memberState, dispatched, received, remaining, releasable }) => ({ memberState, dispatched, received, remaining, releasable }))).toEqual([
      { memberState: 'DE', dispatched: 300, received: 0, remaining: 700, releasable: 500 },
      { memberState: 'FR', dispatched: 0, received: 290, remaining: 340, releasable: 290 },
    ]);
    expect(view.list({ memberState: 'FR' })).toHaveLength(1);
    expect(view.list({ material: 'gallium' })).toEqual([]);
  });
});
