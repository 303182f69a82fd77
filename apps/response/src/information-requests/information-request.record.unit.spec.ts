import { createInformationRequestDecider, informationRequestStream } from '@imera/domain/information-requests';
import { analyst, crisisCell, councilSecretariat, memberState, operatorPrincipal } from '../../../../test/support/tokens';
import { issueInformationRequest } from '../../test/support/instrument-commands';
import { decideInto, TestLog } from '../../test/support/test-log';
import { evolveInformationRequestRecord, InformationRequestRecord, visibleInformationRequest } from './information-request.record';

describe('an information request as each reader sees it', () => {
  let record: InformationRequestRecord;

  beforeEach(() => {
    const log = new TestLog();
    const stream = informationRequestStream('ir-1');
    decideInto(log, stream, createInformationRequestDecider(), [
      issueInformationRequest('ir-1'),
      { type: 'AnswerInformationRequest', requestId: 'ir-1', operatorId: 'DE-magnets-0042', figures: [{ topic: 'production-capacity', label: 'Output', value: 4, unit: 't/day' }], text: 'Four tonnes a day', answeredAt: '2026-06-02T08:00:00.000Z' },
      { type: 'DeclineInformationRequest', requestId: 'ir-1', operatorId: 'FR-magnets-0007', reasons: 'Trade secret', declinedAt: '2026-06-02T09:00:00.000Z' },
    ]);
    record = log.events.reduce(evolveInformationRequestRecord, undefined)!;
  });

  it('folds answers and refusals into each addressee and completes the request when none is awaited', () => {
    expect(record.status).toBe('complete');
    expect(record.addressees.map((a) => [a.operatorId, a.status])).toEqual([
      ['DE-magnets-0042', 'answered'],
      ['FR-magnets-0007', 'declined'],
    ]);
    expect(record.history.map((entry) => entry.type)).toEqual(['InformationRequestIssued', 'InformationRequestAnswered', 'InformationRequestDeclined']);
  });

  it('shows everything to the Commission', () => {
    for (const reader of [analyst, crisisCell]) expect(visibleInformationRequest(record, reader)).toBe(record);
  });

  it("shows a Member State only its own operators' entries and answers (IMERA Art 27, CRMA Art 21)", () => {
    const shown = visibleInformationRequest(record, memberState('FR'))!;
    expect(shown.addressees.map((a) => a.operatorId)).toEqual(['FR-magnets-0007']);
    expect(JSON.stringify(shown)).not.toContain('Four tonnes a day');
    expect(shown.history.map((entry) => entry.type)).toEqual(['InformationRequestIssued', 'InformationRequestDeclined']);
  });

  it('shows an operator only its own entry, and hides the request from everyone it does not concern', () => {
    const shown = visibleInformationRequest(record, operatorPrincipal('DE-magnets-0042'))!;
    expect(shown.addressees).toEqual([expect.objectContaining({ operatorId: 'DE-magnets-0042', response: expect.objectContaining({ text: 'Four tonnes a day' }) })]);
    for (const stranger of [memberState('IT'), operatorPrincipal('IT-magnets-0001'), councilSecretariat]) {
      expect(visibleInformationRequest(record, stranger)).toBeUndefined();
    }
  });
});
