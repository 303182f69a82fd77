// @ts-check
import { daysLeft, formatDate, formatDateTime, formatShare, words } from '../format.js';
import { formatIndicator, INDICATOR_NAMES, INDICATORS } from '../indicators.js';
import { html } from './html.js';
import { Instruments } from './instruments.js';
import { ModeBadge } from './mode.js';
import { Sparkline } from './sparkline.js';
import { EvidenceRef, Timeline } from './timeline.js';

/**
 * One scope in full: its mode and period, why (assessment and open proposal), what is being done, the key
 * indicators with their trend, the materials behind them, and the timeline.
 * @param {{ summary: any, detail: any, trends: any, instruments: any, now: number, session: any }} props
 */
export function ScopeDetail({ summary, detail, trends, instruments, now, session }) {
  const scope = detail?.availability === 'ready' ? detail.value : undefined;
  const current = { ...summary, ...(scope ?? {}) };
  return html`
    <article class="scope-detail" aria-labelledby="scope-title" data-scope-id=${current.scopeId}>
      <header class="scope-detail-head">
        <h2 id="scope-title">${current.name}</h2>
        <${ModeBadge} status=${current.status} large=${true} />
      </header>
      <${ModePanel} scope=${current} now=${now} />
      ${detail?.availability === 'unavailable' && html`<p class="notice">Details unavailable: ${detail.message}</p>`}
      <section aria-labelledby="instruments-title">
        <h3 id="instruments-title">What is being done</h3>
        <${Instruments} loaded=${instruments} now=${now} />
      </section>
      <section aria-labelledby="indicators-title">
        <h3 id="indicators-title">Key indicators <span class="muted">as of ${formatDateTime(current.indicators?.asOf)}</span></h3>
        <${IndicatorTable} scope=${current} trends=${trends?.availability === 'ready' ? trends.value : undefined} now=${now} />
      </section>
      ${scope && html`
        <section aria-labelledby="materials-title">
          <h3 id="materials-title">Materials behind the indicators</h3>
          <${Materials} materials=${scope.materials ?? []} />
        </section>
        <section aria-labelledby="timeline-title">
          <h3 id="timeline-title">Timeline</h3>
          <${Timeline} detail=${scope} auditTrail=${session.shows.auditTrail} />
        </section>`}
    </article>`;
}

/** @param {{ scope: any, now: number }} props */
function ModePanel({ scope, now }) {
  const period = scope.emergency ?? scope.vigilance;
  const left = scope.activeUntil ? daysLeft(scope.activeUntil, now) : undefined;
  return html`
    <section class=${`mode-panel mode-panel-${scope.mode}`} aria-label="Mode">
      <dl class="facts">
        ${scope.activeSince
          ? html`
            <div><dt>Since</dt><dd>${formatDate(scope.activeSince)}</dd></div>
            <div><dt>Until</dt><dd>${formatDate(scope.activeUntil)}</dd></div>
            <div><dt>Days left</dt><dd class=${left !== undefined && left <= 21 ? 'days-left-short' : ''}>${left ?? '–'}</dd></div>`
          : html`<div><dt>Mode</dt><dd>Normal: no IMERA mode in force</dd></div>`}
        ${period?.act && html`<div><dt>Council act</dt><dd>${period.act.reference}${period.act.simulated ? ' (simulated)' : ''}</dd></div>`}
        <div><dt>Thresholds reached</dt><dd>${scope.assessment?.reached ?? '–'}${scope.assessment?.holding && scope.assessment.holding !== scope.assessment.reached ? `, holding ${scope.assessment.holding}` : ''}</dd></div>
      </dl>
      ${period?.goods?.length > 0 && html`<p><strong>${scope.mode === 'emergency' ? 'Crisis-relevant goods (IMERA Art 18(4))' : 'Goods of critical importance'}:</strong> ${period.goods.join(', ')}</p>`}
      ${scope.openProposal
        ? html`<p class="proposal-open" role="status"><strong>Open proposal:</strong> ${scope.openProposal.mode} ${words(scope.openProposal.kind)}, proposed ${formatDateTime(scope.openProposal.proposedAt)}, awaiting the Council</p>`
        : html`<p class="muted">No open proposal.</p>`}
    </section>`;
}

/** @param {{ scope: any, trends: any, now: number }} props */
function IndicatorTable({ scope, trends, now }) {
  const met = (/** @type {string} */ level, /** @type {string} */ name) =>
    (scope.readings?.[level]?.enter ?? []).some((/** @type {any} */ reading) => reading.indicator === name && reading.met);
  return html`
    <table class="indicators">
      <caption class="visually-hidden">Key indicators with their trend and escalation thresholds (defaults, not law)</caption>
      <thead><tr><th scope="col">Indicator</th><th scope="col">Now</th><th scope="col">Trend</th><th scope="col">Vigilance / emergency at</th><th scope="col">Rests on</th></tr></thead>
      <tbody>
        ${INDICATOR_NAMES.map((name) => {
          const headline = scope.indicators?.headline?.[name];
          const trend = trends?.indicators?.[name];
          const evidence = scope.evidence?.[name]?.evidence ?? [];
          const state = met('emergency', name) ? 'emergency' : met('vigilance', name) ? 'vigilance' : '';
          return html`
            <tr key=${name} data-indicator=${name} class=${state ? `indicator-${state}` : ''}>
              <th scope="row"><span title=${INDICATORS[name].help}>${INDICATORS[name].label}</span>${headline?.material && html`<span class="muted indicator-material">${words(headline.material)}</span>`}</th>
              <td class="indicator-value">${formatIndicator(name, headline?.value)}${state && html` <span class="tag tag-${state}">${state} threshold met</span>`}</td>
              <td><${Sparkline} name=${name} trend=${trend} now=${now} /></td>
              <td>${thresholdText(name, trend?.thresholds)}</td>
              <td>${evidence.length === 0 ? '–' : html`<details><summary>${evidence.length} event${evidence.length === 1 ? '' : 's'}</summary><ul class="evidence-refs">${evidence.map((/** @type {any} */ ref) => html`<li key=${ref.globalPosition}><${EvidenceRef} evidence=${ref} /></li>`)}</ul></details>`}</td>
            </tr>`;
        })}
      </tbody>
    </table>`;
}

/** @param {string} name @param {any} thresholds */
function thresholdText(name, thresholds) {
  if (!thresholds) return '–';
  const one = (/** @type {any} */ threshold) => (threshold ? `${threshold.direction === 'below' ? '<' : '>'} ${formatIndicator(name, threshold.enter)}` : '–');
  return `${one(thresholds.vigilance)} / ${one(thresholds.emergency)}`;
}

/** @param {{ materials: any[] }} props */
function Materials({ materials }) {
  return html`
    <table class="materials">
      <caption class="visually-hidden">Materials of the scope and their indicators</caption>
      <thead><tr><th scope="col">Material</th><th scope="col">Supply under controls</th><th scope="col">Consumption affected</th><th scope="col">Stock cover</th><th scope="col">Operators affected</th></tr></thead>
      <tbody>
        ${materials.map((material) => {
          const indicators = material.indicators ?? {};
          return html`
            <tr key=${material.code}>
              <th scope="row"><span title=${material.why}>${words(material.code)}</span></th>
              <td>${share(indicators.shareOfSupplyUnderControls)}</td>
              <td>${share(indicators.shareOfConsumptionAffected)}</td>
              <td>${indicators.daysOfStockCover?.value == null ? 'unknown' : `${Math.round(indicators.daysOfStockCover.value)} d`}</td>
              <td>${indicators.operatorsAffected?.value ?? '–'}</td>
            </tr>`;
        })}
      </tbody>
    </table>`;
}

/** @param {any} value */
function share(value) {
  if (!value || value.value === null || value.value === undefined) return 'unknown';
  return `${formatShare(value.value)}${value.unknown?.length ? ' (at least)' : ''}`;
}
