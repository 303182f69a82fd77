// @ts-check
import { html } from './html.js';

const LABELS = /** @type {Record<string, { label: string, mode: string, proposed: boolean }>} */ ({
  normal: { label: 'Normal', mode: 'normal', proposed: false },
  'vigilance-proposed': { label: 'Vigilance proposed', mode: 'vigilance', proposed: true },
  'vigilance-active': { label: 'Vigilance', mode: 'vigilance', proposed: false },
  'emergency-proposed': { label: 'Emergency proposed', mode: 'emergency', proposed: true },
  'emergency-active': { label: 'Emergency', mode: 'emergency', proposed: false },
});

/**
 * The mode as a badge: text and a shape, never colour alone (circle normal, triangle vigilance, square
 * emergency); a proposal is outlined.
 * @param {{ status: string, large?: boolean }} props
 */
export function ModeBadge({ status, large = false }) {
  const known = LABELS[status] ?? { label: status, mode: 'normal', proposed: false };
  const classes = ['mode-badge', `mode-${known.mode}`, known.proposed ? 'mode-proposed' : '', large ? 'mode-large' : ''].filter(Boolean).join(' ');
  return html`<span class=${classes} data-mode=${known.mode} data-status=${status}><span class="mode-shape" aria-hidden="true"></span>${known.label}</span>`;
}

/** @param {string} status */
export function modeOfStatus(status) {
  return LABELS[status]?.mode ?? 'normal';
}
