import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeRecordedHistory, encodeRecordedHistory, RecordedHistoryFormatError } from '@imera/domain/exercises/recorded-history';
import { exportRecordedHistory } from '../src/export/export-recorded-history';
import { livePolicy } from '../src/export/live-policy';
import { openSourceStore } from '../src/export/open-source-store';
import { replayFile } from '../src/replay/replay-file';
import { ReplayReport } from '../src/replay/replay-report';
import { replayReportHtml } from '../src/replay/replay-report-html';
import { LiveHistory, SCOPE } from './support/live-history';

const LOWER_THRESHOLDS = join(__dirname, 'fixtures', 'lower-emergency-thresholds.policy.json');
const CONTROLS_ALONE_NOT_ENOUGH = join(__dirname, 'fixtures', 'controls-alone-not-enough.policy.json');

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A scope's steps without who recorded the Council acts (the namespace's own Council secretariat user). */
const steps = (report: ReplayReport, which: 'recorded' | 'replayed') =>
  report.scopes.find((scope) => scope.scopeId === SCOPE)![which].map(({ actor, ...step }) => ({ ...step, actor: actor.startsWith('system:') ? actor : 'council' }));

describe('replaying an exported live history', () => {
  let live: LiveHistory;
  let work: string;
  let exported: string;
  let liveLog: string;
  let liveLogHash: string;
  let sameReport: ReplayReport;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'imera-replay-'));
    live = await LiveHistory.start('2025-04-04T09:00:00Z');
    await live.playApril2025();
  }, 240_000);

  afterAll(async () => {
    await live?.harness.stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses to export while the running system holds the log, saying so', async () => {
    await expect(openSourceStore({ config: live.harness.config })).rejects.toThrow(/held by process \d+ \(its LOCK file\): a running system owns it/);
  });

  it('exports the stopped live store in global order, with a header and the live policy, leaving the log as it was', async () => {
    await live.harness.app.close();
    liveLog = join(live.harness.dataDir, 'event-log', 'events.log');
    liveLogHash = sha256(liveLog);
    exported = join(work, 'april-2025.imera-events.jsonl');
    const { store, source } = await openSourceStore({ config: live.harness.config });
    const summary = await exportRecordedHistory(store, exported, source, livePolicy()).finally(() => store.close());
    expect(sha256(liveLog)).toBe(liveLogHash);

    const text = readFileSync(exported, 'utf8');
    const history = decodeRecordedHistory(text);
    expect(history.header).toMatchObject({ format: 'imera-events', formatVersion: 1, source: { kind: 'live' }, eventCount: summary.eventCount, policy: { ref: 'default-policy@1' } });
    expect(history.events.length).toBeGreaterThan(20);
    expect(history.events.map((event) => event.type)).toEqual(expect.arrayContaining(['ExportControlRecorded', 'OperatorNotificationFiled', 'VigilanceModeProposed', 'EmergencyModeActivated']));
    // The format round-trips byte for byte.
    expect(encodeRecordedHistory(history)).toBe(text);
  });

  it('a corrupt line in the export is refused with its line number', () => {
    const lines = readFileSync(exported, 'utf8').split('\n');
    lines[6] = lines[6].replace('"type":"', '"type":').slice(0, -3);
    const corrupt = join(work, 'corrupt.jsonl');
    writeFileSync(corrupt, lines.join('\n'));
    expect(() => decodeRecordedHistory(lines.join('\n'))).toThrow(RecordedHistoryFormatError);
    expect(() => decodeRecordedHistory(lines.join('\n'))).toThrow(/^line 7: not valid JSON/);
    return expect(replayFile(corrupt, { dataDir: work, toleranceSeconds: 0 })).rejects.toThrow(/^line 7: /);
  });

  it('replayed under the recorded policy, the mode timelines equal the live ones exactly: "no differences"', async () => {
    sameReport = (await replayFile(exported, { dataDir: work, toleranceSeconds: 0 })).report;
    const recorded = steps(sameReport, 'recorded');
    // Real history: the controls, three Council acts, the policy's proposals and lapses, the suspension
    // running out (the controls apply again), the end of vigilance's period and a new proposal.
    expect(recorded.map((step) => `${step.type} ${step.to}`)).toEqual([
      'VigilanceModeProposed vigilance-proposed',
      'VigilanceModeActivated vigilance-active',
      'EmergencyModeProposed emergency-proposed',
      'EmergencyModeActivated emergency-active',
      'ModeDeactivationProposed emergency-active',
      'EmergencyModeDeactivated vigilance-active',
      'ModeDeactivationProposed vigilance-active',
      'ModeProposalLapsed vigilance-active',
      'ModeExtensionProposed vigilance-active',
      'ModeProposalLapsed vigilance-active',
      'VigilanceModeExpired normal',
      'VigilanceModeProposed vigilance-proposed',
    ]);
    expect(steps(sameReport, 'replayed')).toEqual(recorded);
    expect(sameReport.outcome).toEqual({ summary: 'no differences: the replay reproduces the recorded mode timelines', identical: true, differences: 0, toleranceSeconds: 0 });
    expect(sameReport.policy).toMatchObject({ ref: 'default-policy@1', source: 'recording', sameAsRecording: true });
    expect(sameReport.councilActs.map((act) => act.outcome)).toEqual(['recorded', 'recorded', 'recorded']);
    expect(sameReport.replay).toEqual({
      inputsAppended: 15,
      // The suspension's end: the namespace's export-control schedule decided it first, with the same event id.
      inputsAlreadyDecidedByNamespace: 1,
      councilActsRecorded: 3,
      councilActsRefused: 0,
      derivedNotCopied: { EmergencyModeProposed: 1, ModeDeactivationProposed: 2, ModeExtensionProposed: 1, ModeProposalLapsed: 2, VigilanceModeExpired: 1, VigilanceModeProposed: 2 },
    });
    expect(replayReportHtml(sameReport)).toContain('no differences');
  }, 240_000);

  it('the same replay gives a byte-identical report', async () => {
    const again = (await replayFile(exported, { dataDir: work, toleranceSeconds: 0 })).report;
    expect(JSON.stringify(again, null, 2)).toBe(JSON.stringify(sameReport, null, 2));
    expect(replayReportHtml(again)).toBe(replayReportHtml(sameReport));
  }, 240_000);

  it('replayed with lower emergency thresholds, the report shows where the outcome differs', async () => {
    const { report } = await replayFile(exported, { dataDir: work, toleranceSeconds: 0, policyFile: LOWER_THRESHOLDS });
    expect(report.policy).toMatchObject({ ref: 'default-policy@1', source: 'lower-emergency-thresholds.policy.json', sameAsRecording: false });
    expect(report.outcome.identical).toBe(false);
    const scope = report.scopes.find((s) => s.scopeId === SCOPE)!;
    expect(scope.differences).toContainEqual(expect.objectContaining({ kind: 'moved', type: 'EmergencyModeProposed', recordedAt: '2025-04-12T08:00:00.000Z', replayedAt: '2025-04-10T08:00:00.000Z', shiftSeconds: -2 * 86_400 }));
    expect(scope.reached.find((r) => r.mode === 'emergency')).toEqual({ mode: 'emergency', recordedAt: '2025-04-22T09:00:00.000Z', replayedAt: '2025-04-22T09:00:00.000Z' });
    expect(report.outcome.summary).toMatch(/^\d+ differences? in 1 scope$/);
    expect(replayReportHtml(report)).toContain('EmergencyModeProposed');
  }, 240_000);

  it('when vigilance needs a second trigger, the first Council act has no proposal to decide and the modes follow the notifications', async () => {
    const { report } = await replayFile(exported, { dataDir: work, toleranceSeconds: 0, policyFile: CONTROLS_ALONE_NOT_ENOUGH });
    expect(report.councilActs.map((act) => [act.decision, act.mode, act.outcome, act.reason])).toEqual([
      ['activation', 'vigilance', 'refused', 'no open proposal: the replayed policy has not proposed activation of vigilance mode'],
      ['activation', 'emergency', 'recorded', null],
      ['deactivation', 'emergency', 'recorded', null],
    ]);
    expect(report.replay).toMatchObject({ councilActsRecorded: 2, councilActsRefused: 1 });
    const scope = report.scopes.find((s) => s.scopeId === SCOPE)!;
    // Vigilance is proposed once two notifications add a second trigger, a week later; the Council's
    // vigilance act of 8 April has nothing to decide, so ending emergency leaves the scope in normal mode.
    expect(scope.differences).toEqual(
      expect.arrayContaining([
        { kind: 'moved', type: 'VigilanceModeProposed', mode: 'vigilance', to: 'vigilance-proposed', recordedAt: '2025-04-04T10:00:00.000Z', replayedAt: '2025-04-11T08:00:00.000Z', shiftSeconds: 597_600 },
        { kind: 'missing', type: 'VigilanceModeActivated', mode: 'vigilance', to: 'vigilance-active', recordedAt: '2025-04-08T09:00:00.000Z', replayedAt: null, shiftSeconds: null },
        { kind: 'extra', type: 'EmergencyModeDeactivated', mode: 'emergency', to: 'normal', recordedAt: null, replayedAt: '2025-06-05T09:00:00.000Z', shiftSeconds: null },
      ]),
    );
    expect(scope.differences.filter((d) => d.kind === 'missing').map((d) => d.type)).toContain('VigilanceModeExpired');
    expect(scope.reached).toEqual([
      { mode: 'vigilance', recordedAt: '2025-04-08T09:00:00.000Z', replayedAt: '2025-04-22T09:00:00.000Z' },
      { mode: 'emergency', recordedAt: '2025-04-22T09:00:00.000Z', replayedAt: '2025-04-22T09:00:00.000Z' },
    ]);
    expect(replayReportHtml(report)).toContain('no open proposal: the replayed policy has not proposed activation of vigilance mode');
  }, 240_000);

  it('no replay wrote into the live store: its log is unchanged byte for byte', () => {
    expect(sha256(liveLog)).toBe(liveLogHash);
  });
});
