// @ts-check
import { evidenceHref } from '../evidence.js';
import { formatDateTime, timeUntil, words } from '../format.js';
import { html } from './html.js';

const KIND_LABELS = /** @type {Record<string, string>} */ ({
  'information-request': 'Information request',
  'priority-rated-request': 'Priority-rated request',
  'stock-distribution': 'Stock distribution',
  'joint-procurement': 'Joint procurement',
});

/**
 * What is being done: the scope's open instruments with what each waits for and its next deadline, the
 * nearest deadline first.
 * @param {{ loaded: any, now: number }} props
 */
export function Instruments({ loaded, now }) {
  if (!loaded || loaded.availability === 'loading') return html`<p class="muted">Loading instruments…</p>`;
  if (loaded.availability === 'refused') return html`<p class="muted">Instruments are not shown to your role.</p>`;
  if (loaded.availability !== 'ready') return html`<p class="muted">Instruments unavailable: ${loaded.message}</p>`;
  const lines = [...loaded.value].sort((a, b) => (a.nextDeadline?.due ?? '9999').localeCompare(b.nextDeadline?.due ?? '9999'));
  if (lines.length === 0) return html`<p class="muted">No open information requests, priority-rated requests, stock distributions or joint procurements.</p>`;
  return html`
    <table class="instruments">
      <caption class="visually-hidden">Open instruments, nearest deadline first</caption>
      <thead><tr><th scope="col">Instrument</th><th scope="col">Status</th><th scope="col">Waiting for</th><th scope="col">Next deadline</th></tr></thead>
      <tbody>
        ${lines.map((line) => {
          const due = line.nextDeadline ? timeUntil(line.nextDeadline.due, now) : undefined;
          return html`
            <tr key=${line.id} data-instrument=${line.kind}>
              <th scope="row"><a href=${evidenceHref(line.href)}>${KIND_LABELS[line.kind] ?? line.kind}</a><span class="instrument-id">${line.id.slice(0, 8)}</span></th>
              <td>${words(line.status)}</td>
              <td>${line.awaiting ?? '–'}</td>
              <td class=${due?.overdue ? 'deadline-overdue' : due?.soon ? 'deadline-soon' : ''}>
                ${line.nextDeadline ? html`${line.nextDeadline.what}: ${formatDateTime(line.nextDeadline.due)} <span class="deadline-left">(${due?.text})</span>` : '–'}
              </td>
            </tr>`;
        })}
      </tbody>
    </table>`;
}
