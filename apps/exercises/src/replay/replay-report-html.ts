import { esc, reportPage, table } from '../shared/report-page';
import type { ReplayReport, ReplayReportStep } from './replay-report';

/** The replay report as one self-contained HTML page (no scripts, no external files), rendering the same JSON. */
export function replayReportHtml(report: ReplayReport): string {
  const { outcome, recording, policy, replay } = report;
  return reportPage({
    title: `Replay of ${recording.file}: ${outcome.summary}`,
    banner: 'REPLAY of recorded history in an exercise namespace: not live data',
    body: `<h1>Replay of ${esc(recording.file)}</h1>
<p class="${outcome.identical ? 'good' : 'bad'}">${esc(outcome.summary)} (times within ${outcome.toleranceSeconds} s count as the same).</p>
<dl>
<dt>Recording</dt><dd><code>${esc(recording.sha256)}</code>, ${recording.events} events from the ${esc(recording.source.kind)} store${recording.source.exerciseId ? ` of exercise ${esc(recording.source.exerciseId)}` : ''}, ${esc(recording.firstRecordedAt ?? '-')} to ${esc(recording.lastRecordedAt ?? '-')}</dd>
<dt>Recorded policy</dt><dd>${esc(recording.policy ?? 'not named in the file')}; proposals cite ${esc(recording.policiesCitedByProposals.join(', ') || 'none')}</dd>
<dt>Replayed under</dt><dd>${esc(policy.ref)} from ${esc(policy.source)} (<code>${esc(policy.sha256.slice(0, 16))}</code>), ${policy.sameAsRecording ? 'the recorded policy' : '<strong>a changed policy</strong>'}</dd>
<dt>Inputs</dt><dd>${replay.inputsAppended} appended again, ${replay.inputsAlreadyDecidedByNamespace} already decided by the namespace's own schedules; Council acts: ${replay.councilActsRecorded} recorded again, ${replay.councilActsRefused} with nothing to decide</dd>
<dt>Derived, decided again (not copied)</dt><dd>${esc(Object.entries(replay.derivedNotCopied).map(([type, count]) => `${type} ${count}`).join(', ') || 'none')}</dd>
</dl>
<h2>Differences per scope</h2>
${report.scopes.map(scopeSection).join('\n') || '<p>No scope has mode transitions in the recording or the replay.</p>'}
<h2>Council acts</h2>
${table(
  ['At', 'Scope', 'Act', 'Reference', 'Recorded proposal', 'Replayed proposal', 'Outcome'],
  report.councilActs.map((act) => [
    esc(act.at),
    esc(act.scopeId),
    esc(`${act.decision} of ${act.mode}`),
    esc(act.reference),
    `<code>${esc(act.recordedProposalId)}</code>`,
    act.replayedProposalId ? `<code>${esc(act.replayedProposalId)}</code>` : '-',
    esc(act.reason ? `${act.outcome}: ${act.reason}` : act.outcome),
  ]),
)}`,
  });
}

function scopeSection(scope: ReplayReport['scopes'][number]): string {
  const differences =
    scope.differences.length === 0
      ? '<p class="good">Same timeline.</p>'
      : table(
          ['Difference', 'Step', 'Mode', 'Status reached', 'Recorded at', 'Replayed at', 'Shift'],
          scope.differences.map((difference) => [
            `<span class="bad">${esc(difference.kind)}</span>`,
            esc(difference.type),
            esc(difference.mode),
            esc(difference.to),
            esc(difference.recordedAt ?? '-'),
            esc(difference.replayedAt ?? '-'),
            esc(difference.shiftSeconds === null ? '-' : shift(difference.shiftSeconds)),
          ]),
        );
  return `<h3>${esc(scope.scopeId)}</h3>
${table(['Mode', 'First reached (recorded)', 'First reached (replayed)'], scope.reached.map((reached) => [esc(reached.mode), esc(reached.recordedAt ?? 'never'), esc(reached.replayedAt ?? 'never')]))}
${differences}
<h4>Recorded timeline (${scope.recordedTransitions} steps)</h4>
${steps(scope.recorded)}
<h4>Replayed timeline (${scope.replayedTransitions} steps)</h4>
${steps(scope.replayed)}`;
}

function steps(list: readonly ReplayReportStep[]): string {
  return table(
    ['At', 'Step', 'Mode', 'From', 'To', 'Mode after', 'By', 'Rationale'],
    list.map((s) => [esc(s.at), esc(s.type), esc(s.mode), esc(s.from), esc(s.to), esc(s.modeAfter), esc(s.actor), esc(s.rationale ?? '')]),
  );
}

function shift(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  if (abs >= 86_400) return `${sign}${(abs / 86_400).toFixed(2)} days`;
  if (abs >= 3_600) return `${sign}${(abs / 3_600).toFixed(2)} h`;
  return `${sign}${abs} s`;
}
