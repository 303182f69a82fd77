import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { IssueInformationRequest } from '@imera/domain/information-requests';
import { ProposePriorityRatedRequest } from '@imera/domain/priority-rated-requests';

/** Test fixtures: commands as the workflows build them, for the rare-earth magnet scope. */
export const SCOPE_ID = 'rare-earth-magnets';
export const GOODS = 'sintered NdFeB magnets';

export function snapshot(mode: ScopeModeSnapshot['mode'], overrides: Partial<ScopeModeSnapshot> = {}): ScopeModeSnapshot {
  return {
    scopeId: SCOPE_ID,
    mode,
    goodsOfCriticalImportance: mode === 'normal' ? [] : [GOODS],
    crisisRelevantGoods: mode === 'emergency' ? [GOODS] : [],
    ...overrides,
  };
}

export function issueInformationRequest(requestId: string, overrides: Partial<IssueInformationRequest> = {}): IssueInformationRequest {
  return {
    type: 'IssueInformationRequest',
    requestId,
    scope: snapshot('emergency'),
    mandatory: false,
    topics: ['production-capacity'],
    goods: [GOODS],
    questions: 'What can you produce per day?',
    addressees: [
      { operatorId: 'DE-magnets-0042', operatorName: 'Hanau Magnet Works GmbH', memberState: 'DE' },
      { operatorId: 'FR-magnets-0007', operatorName: 'Aimants de Lyon SAS', memberState: 'FR' },
    ],
    deadline: '2026-06-10T16:00:00.000Z',
    issuedAt: '2026-06-01T08:00:00.000Z',
    issuedBy: 'crisis-cell-1',
    ...overrides,
  };
}

export function proposePriorityRatedRequest(prrId: string, overrides: Partial<ProposePriorityRatedRequest> = {}): ProposePriorityRatedRequest {
  return {
    type: 'ProposePriorityRatedRequest',
    prrId,
    scope: snapshot('emergency'),
    requestingMemberState: 'DE',
    operator: { operatorId: 'DE-magnets-0042', operatorName: 'Hanau Magnet Works GmbH', site: { name: 'Hanau plant', country: 'DE' } },
    goods: GOODS,
    specification: 'N42SH, 20 x 10 x 5 mm',
    quantity: { amount: 12, unit: 't' },
    deliveryDate: '2026-07-31',
    justification: 'Wind-turbine repairs',
    proposedAt: '2026-06-01T08:00:00.000Z',
    proposedBy: 'authority-de',
    ...overrides,
  };
}
