// @ts-check
import { evidenceHref } from '../evidence.js';
import { formatClock, formatDate, formatDateTime, words } from '../format.js';
import { html } from './html.js';

/**
 * Notifications: a Member State authority sees its own filings (the server lists nothing else), the
 * Commission every filing. Open ones first, newest filing first, as the server lists them (`api.filings`).
 * @param {{ loaded: any, session: any }} props
 */
export function Filings({ loaded, session }) {
  const title = session.shows.filings === 'own' ? `Filings of ${session.memberState}` : 'Operator notifications';
  if (session.shows.filings === 'none') return null;
  /** @type {any[]} */
  const records = loaded.availability === 'ready' ? loaded.value.records : [];
  const open = loaded.availability === 'ready' ? loaded.value.open : 0;
  return html`
    <section class="panel" aria-labelledby="filings-title">
      <h2 id="filings-title">${title} <span class="count">${open} open</span></h2>
      ${loaded.availability === 'loading' && html`<p class="muted">Loading…</p>`}
      ${loaded.availability === 'unavailable' && html`<p class="muted">Unavailable: ${loaded.message}</p>`}
      ${loaded.availability === 'ready' && records.length === 0 && html`<p class="muted">No notifications filed.</p>`}
      <ul class="filings">
        ${records.map((record) => html`
          <li key=${record.notificationId} class=${`filing filing-${record.status}`} data-notification-id=${record.notificationId}>
            <a href=${evidenceHref(`/api/v1/notifications/${record.notificationId}`)}>${words(record.material)}: ${words(record.disruptionType)}</a>
            <span class="muted">${record.memberState} · ${record.operator?.name ?? ''} · ${formatDate(record.occurredAt)} · ${record.status}${record.confidential ? ' · confidential' : ''}</span>
          </li>`)}
      </ul>
    </section>`;
}

const STATUS_ORDER = /** @type {Record<string, number>} */ ({ 'in-force': 0, announced: 1, suspended: 2, lifted: 3 });

/** Third-country export controls by status, in force first. @param {{ loaded: any }} props */
export function ExportControls({ loaded }) {
  if (loaded.availability !== 'ready') return null;
  const measures = [...loaded.value].sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9));
  const inForce = measures.filter((measure) => measure.status === 'in-force').length;
  return html`
    <section class="panel" aria-labelledby="controls-title">
      <h2 id="controls-title">Export controls <span class="count">${inForce} in force</span></h2>
      <details>
        <summary>${measures.length} measure${measures.length === 1 ? '' : 's'} recorded</summary>
        <ul class="measures">
          ${measures.map((measure) => html`
            <li key=${measure.state.measure.measureId}>
              <a href=${evidenceHref(`/api/v1/export-controls/${encodeURIComponent(measure.state.measure.measureId)}`)}>${measure.state.measure.reference}</a>
              <span class="muted">${measure.state.measure.country} · ${words(measure.status)} · ${measure.state.measure.materials.map(words).join(', ')}</span>
            </li>`)}
        </ul>
      </details>
    </section>`;
}

/**
 * What just happened, newest first, as the live stream reports it. A log region: screen readers announce
 * new lines politely.
 * @param {{ activity: import('../state/describe-change.js').Activity[], scopeNames: Record<string, string> }} props
 */
export function Activity({ activity, scopeNames }) {
  return html`
    <section class="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">Live activity</h2>
      ${activity.length === 0 && html`<p class="muted">Changes appear here as they are recorded.</p>`}
      <ol class="activity" role="log" aria-live="polite">
        ${activity.map((item) => html`
          <li key=${item.key} class=${`activity-item activity-${item.tone}`} data-kind=${item.kind}>
            <span class="activity-time" title=${`recorded ${formatDateTime(item.at)}`}>${formatClock(item.receivedAt)}</span>
            <span class="activity-title">${item.evidence ? html`<a href=${evidenceHref(item.evidence)}>${item.title}</a>` : item.title}</span>
            ${item.scopeIds.length > 0 && html`<span class="activity-scopes">${item.scopeIds.map((id) => scopeNames[id] ?? id).join(', ')}</span>`}
            ${item.detail && html`<span class="activity-detail">${item.detail}</span>`}
          </li>`)}
      </ol>
    </section>`;
}
