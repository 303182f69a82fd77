import { buildTimeline, TimelineEvent } from './exercise-timeline';
import { evaluateExpectations, Expectation, modeAt } from './expectations';
import { scopeFigures } from './figures';

let ordinal = 0;
const event = (type: string, streamName: string, recordedAt: string, data: Record<string, unknown> = {}): TimelineEvent => {
  ordinal++;
  return { ordinal, globalPosition: ordinal * 100, type, streamName, recordedAt, actor: 'test', data };
};
const SCOPE = 'scope-rare-earth-magnets';
const period = (from: string, until: string) => ({ period: { from, until }, act: { reference: 'Act', adoptedOn: from.slice(0, 10), simulated: false } });

/** Controls in force on 4 April, vigilance from 8 April, emergency 1-20 May, a PRR issued on 10 May and one on 25 May. */
function history(): TimelineEvent[] {
  ordinal = 0;
  return [
    event('ExportControlRecorded', 'exportControl-cn-18', '2025-04-04T10:00:00.000Z', { measureId: 'cn-18', effectiveFrom: '2025-04-04' }),
    event('ExportControlEnteredIntoForce', 'exportControl-cn-18', '2025-04-04T10:00:00.000Z', { measureId: 'cn-18' }),
    event('VigilanceModeProposed', SCOPE, '2025-04-04T10:00:00.000Z', {
      proposalId: 'p1',
      grounds: { rationale: 'controls', indicatorsAsOf: '2025-04-04', indicators: [{ indicator: 'share', value: 0.5, direction: 'above', threshold: 0.25, met: true }], evidence: [{ eventId: 'x', globalPosition: 100, streamName: 'exportControl-cn-18', type: 'ExportControlRecorded' }] },
    }),
    event('VigilanceModeActivated', SCOPE, '2025-04-08T00:00:00.000Z', { proposalId: 'p1', ...period('2025-04-08T00:00:00.000Z', '2025-10-08T00:00:00.000Z') }),
    event('EmergencyModeActivated', SCOPE, '2025-05-01T00:00:00.000Z', { proposalId: 'p2', ...period('2025-05-01T00:00:00.000Z', '2025-08-01T00:00:00.000Z') }),
    event('PriorityRatedRequestProposed', 'prr-1', '2025-05-09T00:00:00.000Z', { scopeId: 'rare-earth-magnets' }),
    event('PriorityRatedRequestIssued', 'prr-1', '2025-05-10T00:00:00.000Z', {}),
    event('EmergencyModeDeactivated', SCOPE, '2025-05-20T00:00:00.000Z', { proposalId: 'p3' }),
    event('PriorityRatedRequestProposed', 'prr-2', '2025-05-24T00:00:00.000Z', { scopeId: 'rare-earth-magnets' }),
    event('PriorityRatedRequestIssued', 'prr-2', '2025-05-25T00:00:00.000Z', {}),
  ];
}

const judge = (expectation: Expectation) => evaluateExpectations([expectation], buildTimeline(history()))[0];

describe('exercise expectations over the recorded timeline', () => {
  it('folds the scope into mode changes, back to vigilance when emergency ends inside the vigilance period', () => {
    const [scope] = buildTimeline(history()).scopes;
    expect(scope.steps.filter((step) => step.modeChange).map((step) => [step.at.slice(0, 10), step.modeChange])).toEqual([
      ['2025-04-08', { from: 'normal', to: 'vigilance' }],
      ['2025-05-01', { from: 'vigilance', to: 'emergency' }],
      ['2025-05-20', { from: 'emergency', to: 'vigilance' }],
    ]);
    expect(modeAt(scope, '2025-04-07T23:59:59Z')).toBe('normal');
    expect(modeAt(scope, '2025-05-10T00:00:00Z')).toBe('emergency');
    // The activation carries the grounds of the proposal it adopted; evidence is named by event ordinal.
    expect(scope.steps[1].grounds?.evidence).toEqual([{ event: 1, type: 'ExportControlRecorded', streamName: 'exportControl-cn-18' }]);
  });

  it('mode-at and mode-reached-by: met or failed with the actual mode and instant', () => {
    expect(judge({ kind: 'mode-at', scope: 'rare-earth-magnets', mode: 'emergency', at: '2025-05-05T00:00:00Z' })).toMatchObject({ met: true });
    expect(judge({ kind: 'mode-at', scope: 'rare-earth-magnets', mode: 'emergency', at: '2025-05-21T00:00:00Z' })).toMatchObject({
      met: false,
      reason: 'rare-earth-magnets was in vigilance mode at 2025-05-21T00:00:00Z',
    });
    expect(judge({ kind: 'mode-reached-by', scope: 'rare-earth-magnets', mode: 'vigilance', by: '2025-04-08T00:00:00Z' })).toMatchObject({ met: true });
    expect(judge({ kind: 'mode-reached-by', scope: 'rare-earth-magnets', mode: 'emergency', by: '2025-04-30T00:00:00Z' })).toMatchObject({
      met: false,
      reason: 'rare-earth-magnets reached emergency mode at 2025-05-01T00:00:00.000Z (event 5)',
    });
    expect(judge({ kind: 'mode-reached-by', scope: 'gallium', mode: 'vigilance', by: '2025-12-31T00:00:00Z' })).toMatchObject({ met: false });
  });

  it('mode-never fails when the scope entered the mode', () => {
    expect(judge({ kind: 'mode-never', scope: 'rare-earth-magnets', mode: 'emergency' })).toMatchObject({ met: false });
    expect(judge({ kind: 'mode-never', scope: 'gallium', mode: 'emergency' })).toMatchObject({ met: true });
  });

  it('no-instrument-before-mode: an instrument used after the mode ended breaks it; refusals are listed', () => {
    const result = evaluateExpectations(
      [{ kind: 'no-instrument-before-mode', instrument: 'priority-rated-request', mode: 'emergency', scope: 'rare-earth-magnets' }],
      buildTimeline(history()),
      [{ input: 4, instrument: 'priority-rated-request', at: '2025-04-20T00:00:00.000Z', status: 422 }],
    )[0];
    expect(result).toMatchObject({ met: false, reason: expect.stringMatching(/2025-05-25.*vigilance mode; 1 attempt\(s\) refused \(input 4\)/) });
    const withoutLate = history().slice(0, 7);
    expect(evaluateExpectations([{ kind: 'no-instrument-before-mode', instrument: 'priority-rated-request', mode: 'emergency' }], buildTimeline(withoutLate))[0].met).toBe(true);
  });

  it('export-control-status follows the measure through its events', () => {
    expect(judge({ kind: 'export-control-status', measureId: 'cn-18', status: 'in-force', at: '2025-04-05T00:00:00Z' })).toMatchObject({ met: true });
    expect(judge({ kind: 'export-control-status', measureId: 'cn-18', status: 'in-force', at: '2025-04-01T00:00:00Z' })).toMatchObject({
      met: false,
      reason: 'cn-18 was not-recorded at 2025-04-01T00:00:00Z',
    });
  });

  it('labels an expectation by its own label, else by what it says', () => {
    const [labelled, described] = evaluateExpectations(
      [
        { kind: 'mode-never', scope: 'gallium', mode: 'emergency', label: 'gallium stays calm' },
        { kind: 'mode-never', scope: 'gallium', mode: 'emergency' },
      ],
      buildTimeline(history()),
    );
    expect([labelled.label, described.label]).toEqual(['gallium stays calm', 'gallium never enters emergency mode']);
  });

  it('gives virtual-time figures: days from the first trigger to each mode and days in each mode', () => {
    const [scope] = buildTimeline(history()).scopes;
    const figures = scopeFigures(scope, '2025-04-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z');
    expect(figures).toMatchObject({ firstTriggerAt: '2025-04-04T10:00:00.000Z', daysFromStartToFirstTrigger: 3.42 });
    expect(figures.modesReached.map((reached) => reached.daysFromFirstTrigger)).toEqual([3.58, 26.58, 45.58]);
    expect(figures.daysInMode).toEqual({ normal: 7, vigilance: 35, emergency: 19 });
  });
});
