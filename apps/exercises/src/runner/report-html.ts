import { ExerciseReport } from './exercise-report';

/** The report as one self-contained HTML page (no scripts, no external files), rendering the same JSON. */
export function reportHtml(report: ExerciseReport): string {
  const { exercise, outcome } = report;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>EXERCISE ${esc(exercise.id)}: ${esc(exercise.scenario)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#1b1b1b}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #bbb;padding:0.3rem 0.5rem;text-align:left;vertical-align:top;font-size:0.9rem}
th{background:#eef}
.met{color:#0a6b2b;font-weight:bold}.failed{color:#b00020;font-weight:bold}
.banner{background:#ffe9a8;border:2px solid #b8860b;padding:0.5rem 1rem;font-weight:bold}
code{font-size:0.85rem}
</style>
</head>
<body>
<p class="banner">EXERCISE ${esc(exercise.id)}: not live data</p>
<h1>${esc(exercise.scenario)}</h1>
${exercise.description ? `<p>${esc(exercise.description)}</p>` : ''}
<p class="${outcome.passed ? 'met' : 'failed'}">${outcome.passed ? 'PASSED' : 'FAILED'}: ${outcome.expectationsMet} of ${outcome.expectations} expectations met; ${outcome.inputs} inputs (${outcome.inputsRefused} refused); ${outcome.eventsRecorded} events recorded.</p>
<dl>
<dt>Decisions</dt><dd>${esc(exercise.decisions)}</dd>
<dt>Policy</dt><dd>${esc(report.policy.ref)} (${esc(report.policy.source)}); changes: <code>${esc(JSON.stringify(report.policy.changes))}</code></dd>
<dt>Scenario file (sha256)</dt><dd><code>${esc(exercise.scenarioFileSha256)}</code></dd>
<dt>Virtual time</dt><dd>${esc(report.virtualTime.start)} to ${esc(report.virtualTime.until)} (${report.virtualTime.days} days)</dd>
</dl>
<h2>Expectations</h2>
${table(['#', 'Expectation', 'Result', 'Why'], report.expectations.map((result) => [String(result.index), esc(result.label), result.met ? '<span class="met">met</span>' : '<span class="failed">failed</span>', esc(result.reason)]))}
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
${table(['Measure', 'At', 'Event', 'Status after'], report.exportControls.map((change) => [esc(change.measureId), esc(change.at), `${change.event} ${esc(change.type)}`, esc(change.status)]))}
</body>
</html>
`;
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

function table(headings: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  if (rows.length === 0) return '<p>None.</p>';
  const head = `<tr>${headings.map((heading) => `<th scope="col">${esc(heading)}</th>`).join('')}</tr>`;
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
