// @ts-check
import { evidenceHref, evidencePath, streamKind } from '../evidence.js';
import { capitalise, formatDate, formatDateTime, words } from '../format.js';
import { formatIndicator, indicatorLabel } from '../indicators.js';
import { html } from './html.js';

/**
 * The scope's history, newest first: each mode transition with the Council act or proposal behind it and
 * the recorded events that drove it (notifications, export controls, stock reports), each linked to its
 * record; and every instrument step taken for the scope.
 * @param {{ detail: any, auditTrail: boolean }} props
 */
export function Timeline({ detail, auditTrail }) {
  const transitions = (detail.transitions ?? []).map((/** @type {any} */ transition) => ({ position: transition.globalPosition, transition }));
  const steps = (detail.timeline ?? [])
    .filter((/** @type {any} */ entry) => !String(entry.streamName).startsWith('scope-'))
    .map((/** @type {any} */ entry) => ({ position: entry.globalPosition, entry }));
  const entries = [...transitions, ...steps].sort((a, b) => b.position - a.position);
  if (entries.length === 0) return html`<p class="muted">Nothing has happened in this scope yet.</p>`;
  const decisionLink = auditTrail ? evidenceHref(`/api/v1/audit/scopes/${encodeURIComponent(detail.scopeId)}`) : undefined;
  return html`
    <ol class="timeline" aria-label="Timeline of ${detail.name}">
      ${entries.map((item) =>
        'transition' in item
          ? html`<${Transition} key=${`t${item.position}`} transition=${item.transition} link=${decisionLink} />`
          : html`<${Step} key=${`s${item.position}`} entry=${item.entry} />`,
      )}
    </ol>`;
}

/** @param {{ transition: any, link: string | undefined }} props */
function Transition({ transition, link }) {
  const grounds = transition.grounds;
  const tone = transition.mode === 'emergency' ? 'emergency' : transition.mode === 'vigilance' ? 'vigilance' : 'normal';
  return html`
    <li class=${`timeline-entry timeline-${tone}`} data-event-type=${transition.type}>
      <div class="timeline-head">
        <time datetime=${transition.at}>${formatDateTime(transition.at)}</time>
        <strong>${link ? html`<a href=${link}>${capitalise(words(transition.type))}</a>` : capitalise(words(transition.type))}</strong>
        ${transition.act?.simulated && html`<span class="tag tag-simulated">simulated act</span>`}
      </div>
      <div class="timeline-body">
        ${transition.act && html`<p>${transition.act.reference}, adopted ${formatDate(transition.act.adoptedOn)}</p>`}
        ${transition.period && html`<p>Period ${formatDate(transition.period.from)} – ${formatDate(transition.period.until)}</p>`}
        ${transition.until && html`<p>Extended until ${formatDate(transition.until)}</p>`}
        ${transition.goods?.length > 0 && html`<p>Goods: ${transition.goods.join(', ')}</p>`}
        ${transition.reason && html`<p>${transition.reason}</p>`}
        ${grounds && html`<${Grounds} grounds=${grounds} />`}
        <p class="muted">By ${transition.actor}</p>
      </div>
    </li>`;
}

/** @param {{ grounds: any }} props */
function Grounds({ grounds }) {
  const met = (grounds.indicators ?? []).filter((/** @type {any} */ reading) => reading.met !== false);
  return html`
    <div class="grounds">
      <p>${grounds.rationale}${grounds.policyRef ? html` <span class="muted">(${grounds.policyRef}, defaults not law)</span>` : ''}</p>
      ${met.length > 0 && html`
        <ul class="readings">
          ${met.map((/** @type {any} */ reading) => html`<li key=${reading.indicator}>${indicatorLabel(reading.indicator)}: ${formatIndicator(reading.indicator, reading.value)} (${reading.direction} ${formatIndicator(reading.indicator, reading.threshold)})</li>`)}
        </ul>`}
      ${grounds.evidence?.length > 0 && html`
        <details class="evidence-list">
          <summary>Driven by ${grounds.evidence.length} recorded event${grounds.evidence.length === 1 ? '' : 's'}</summary>
          <ul>${grounds.evidence.map((/** @type {any} */ ref) => html`<li key=${ref.globalPosition}><${EvidenceRef} evidence=${ref} /></li>`)}</ul>
        </details>`}
    </div>`;
}

/**
 * One recorded event an indicator or a decision rests on: a link to its record, or a note that it is
 * confidential to another Member State (the server already removed what identifies it).
 * @param {{ evidence: any }} props
 */
export function EvidenceRef({ evidence }) {
  if (evidence.redacted) return html`<span class="redacted">${capitalise(streamKind(evidence.streamName))} (confidential to another Member State)</span>`;
  const path = evidencePath(evidence.streamName);
  const label = `${words(evidence.type)} #${evidence.globalPosition}`;
  return path ? html`<a href=${evidenceHref(path)}>${label}</a>` : html`<span>${label}</span>`;
}

/** @param {{ entry: any }} props */
function Step({ entry }) {
  const path = evidencePath(entry.streamName);
  return html`
    <li class="timeline-entry timeline-step" data-event-type=${entry.type}>
      <div class="timeline-head">
        <time datetime=${entry.recordedAt}>${formatDateTime(entry.recordedAt)}</time>
        <strong>${path ? html`<a href=${evidenceHref(path)}>${capitalise(words(entry.type))}</a>` : capitalise(words(entry.type))}</strong>
      </div>
      <div class="timeline-body"><p class="muted">${capitalise(streamKind(entry.streamName))} · by ${entry.actor}</p></div>
    </li>`;
}
