// @ts-check
import { evidencePath } from '../evidence.js';
import { capitalise, formatDate, words } from '../format.js';

/**
 * @typedef {{
 *   key: string,
 *   kind: string,
 *   at: string,
 *   receivedAt: number,
 *   title: string,
 *   detail: string,
 *   scopeIds: string[],
 *   evidence?: string,
 *   tone: 'emergency' | 'vigilance' | 'normal' | 'info',
 * }} Activity
 */

const STATUS_TITLES = /** @type {Record<string, string>} */ ({
  normal: 'Back to normal mode',
  'vigilance-proposed': 'Vigilance mode proposed',
  'vigilance-active': 'Vigilance mode active',
  'emergency-proposed': 'Emergency mode proposed',
  'emergency-active': 'Emergency mode active',
});

/**
 * One line of the activity list for a live change, in a crisis-cell officer's words; undefined for kinds
 * it does not know. Never shows more than the change carries: the server already left out what the reader
 * may not see.
 * @param {string} kind
 * @param {any} change
 * @param {number} receivedAt
 * @returns {Activity | undefined}
 */
export function describeChange(kind, change, receivedAt) {
  const scopeIds = change.scopeId ? [change.scopeId] : Array.isArray(change.scopeIds) ? change.scopeIds : [];
  const base = { key: `${change.position}:${kind}:${change.scopeId ?? change.notificationId ?? change.measureId ?? ''}`, kind, at: change.at, receivedAt, scopeIds };
  switch (kind) {
    case 'notification':
      return { ...base, ...notificationLine(change), tone: 'info' };
    case 'export-control':
      return {
        ...base,
        title: capitalise(words(String(change.eventType ?? 'export control changed').replace(/^ExportControl/, 'export control '))),
        detail: `Measure ${change.measureId}`,
        evidence: evidencePath(`exportControl-${change.measureId}`),
        tone: 'info',
      };
    case 'mode-changed':
      return {
        ...base,
        title: STATUS_TITLES[change.status] ?? capitalise(words(String(change.status))),
        detail: [change.act?.reference, change.activeUntil ? `until ${formatDate(change.activeUntil)}` : undefined, change.act?.simulated ? 'simulated act' : undefined]
          .filter(Boolean)
          .join(' · '),
        evidence: evidencePath(`scope-${change.scopeId}`),
        tone: change.mode === 'emergency' ? 'emergency' : change.mode === 'vigilance' ? 'vigilance' : 'normal',
      };
    case 'proposal':
      return {
        ...base,
        title: `${capitalise(change.mode)} ${words(String(change.proposalKind))} proposal ${change.status === 'lapsed' ? 'lapsed' : 'made'}`,
        detail: change.reason ?? change.grounds?.rationale ?? '',
        evidence: evidencePath(`scope-${change.scopeId}`),
        tone: change.mode === 'emergency' ? 'emergency' : 'vigilance',
      };
    case 'indicators-changed':
      return {
        ...base,
        title: 'Indicators moved',
        detail: change.reached === 'normal' ? 'below the escalation thresholds' : `${change.reached} thresholds reached`,
        tone: 'info',
      };
    case 'instrument':
      return { ...base, title: capitalise(words(String(change.eventType ?? 'instrument step'))), detail: '', evidence: evidencePath(change.streamName), tone: 'info' };
    default:
      return undefined;
  }
}

/** @param {any} change */
function notificationLine(change) {
  const verb = change.status === 'resolved' ? 'resolved' : change.status === 'updated' ? 'updated' : 'filed';
  const who = change.memberState ? `${change.memberState}` : 'Confidential filing of another Member State';
  const severity = change.severity ? `${change.severity} severity` : undefined;
  return {
    title: `Notification ${verb}: ${change.material}`,
    detail: [who, severity, change.disruptionType ? words(change.disruptionType) : undefined].filter(Boolean).join(' · '),
    evidence: change.notificationId ? evidencePath(`notification-${change.notificationId}`) : undefined,
  };
}
