import { esc, reportPage, table } from '../shared/report-page';
import { ExerciseReport } from './exercise-report';

/** The report as one self-contained HTML page (no scripts, no external files), rendering the same JSON. */
export function reportHtml(report: ExerciseReport): string {
  const { exercise, outcome } = report;
  return reportPage({
    title: `EXERCISE ${exercise.id}: ${exercise.scenario}`,
    banner: `EXERCISE ${exercise.id}: not live data`,
    body: `<h1>${esc(exercise.scenario)}</h1>
${exercise.description ? `<p>${esc(exercise.description)}</p>` : ''}
<p class="${outcome.passed ? 'good' : 'bad'}">${outcome.passed ? 'PASSED' : 'FAILED'}: ${outcome.expectationsMet} of ${outcome.expectations} expectations met; ${outcome.inputs} inputs (${outcome.inputsRefused} refused); ${outcome.eventsRecorded} events recorded.</p>
<dl>
<dt>Decisions</dt><dd>${esc(exercise.decisions)}</dd>
<dt>Policy</dt><dd>${esc(report.policy.ref)} (${esc(report.policy.source)}); changes: <code>${esc(JSON.stringify(report.policy.changes))}</code></dd>
<dt>Scenario file (sha256)</dt><dd><code>${esc(exercise.scenarioFileSha256)}</code></dd>
<dt>Virtual time</dt><dd>${esc(report.virtualTime.start)} to ${esc(report.virtualTime.until)} (${report.virtualTime.days} days)</dd>
</dl>
<h2>Expectations</h2>
${table(['#', 'Expectation', 'Result', 'Why'], report.expectations.map((result) => [String(result.index), esc(result.label), result.met ? '<span class="good">met</span>' : '<span class="bad">failed</span>', esc(result.reason)]))}
<h2>Mode transitions per scope</h2>
${report.scopes.map(scopeSection).join('\n') || '<p>No scope left normal mode or received a proposal.</p>'}
<h2>Virtual-time figures</h2>
${table(
  ['Scope', 'First trigger', 'Days from start to first trigger', 'Modes reached (days from first trigger)', 'Days in normal / vigilance / emergency'],
  report.virtualTime.scopes.map((figures) => [
    esc(figures.scopeId),
    esc(figures.firstTriggerAt ?? '-'),
    esc(String(figures.daysFromStartToFirstTrigger ?? '-')),
    esc(figures.modesReached.map((reached) => `${reached.mode} at ${reached.at} (${reached.daysFromFirstTrigger ?? '-'})`).join('; ') || '-'),
    esc(`${figures.daysInMode.normal} / ${figures.daysInMode.vigilance} / ${figures.daysInMode.emergency}`),
  ]),
)}
<h2>Inputs and outcomes</h2>
${table(['#', 'At', 'Action', 'Actor', 'HTTP status', 'Result'], report.inputs.map((input) => [String(input.index), esc(input.at), esc(input.label ? `${input.action}: ${input.label}` : input.action), esc(input.actor), String(input.status), esc(input.reason ? `${input.result}: ${input.reason}` : input.result)]))}
<h2>Instruments used</h2>
${table(['Instrument', 'At', 'Scope', 'Mode at use', 'Event'], report.instruments.used.map((use) => [esc(use.instrument), esc(use.at), esc(use.scopeId ?? '-'), esc(use.modeAtUse), `${use.event} <code>${esc(use.streamName)}</code>`]))}
<h3>Refused attempts</h3>
${table(['Input', 'Instrument', 'At', 'HTTP status'], report.instruments.refused.map((attempt) => [String(attempt.input), esc(attempt.instrument), esc(attempt.at), String(attempt.status)]))}
<h2>Export controls</h2>
${table(['Measure', 'At', 'Event', 'Status after'], report.exportControls.map((change) => [esc(change.measureId), esc(change.at), `${change.event} ${esc(change.type)}`, esc(change.status)]))}`,
  });
}

function scopeSection(scope: ExerciseReport['scopes'][number]): string {
  const rows = scope.steps.map((step) => [
    esc(step.at),
    `${step.event} ${esc(step.type)}`,
    esc(step.actor),
    step.modeChange ? `<strong>${esc(step.modeChange.from)} &rarr; ${esc(step.modeChange.to)}</strong>` : esc(step.mode),
    [
      step.act ? `Act: ${esc(step.act.reference)} of ${esc(step.act.adoptedOn)}${step.act.simulated ? ' (simulated)' : ''}` : '',
      step.period ? `Period ${esc(step.period.from)} to ${esc(step.period.until)}` : '',
      step.extendedUntil ? `Extended until ${esc(step.extendedUntil)}` : '',
      step.grounds ? grounds(step.grounds) : '',
    ]
      .filter(Boolean)
      .join('<br>'),
  ]);
  return `<h3>${esc(scope.scopeId)}</h3>\n${table(['At', 'Event', 'Actor', 'Mode', 'Evidence'], rows)}`;
}

function grounds(ground: NonNullable<ExerciseReport['scopes'][number]['steps'][number]['grounds']>): string {
  const indicators = ground.indicatorsMet
    .map((figure) => `${figure.indicator} = ${figure.value ?? 'n/a'} (${figure.direction} ${figure.threshold}${figure.material ? `, ${figure.material}` : ''})`)
    .join('; ');
  const evidence = ground.evidence.map((item) => `${item.event ?? '?'} ${item.type}`).join(', ');
  return `${esc(ground.rationale)}<br>Indicators met: ${esc(indicators || 'none')}<br>Evidence (events): ${esc(evidence || 'none')}`;
}
