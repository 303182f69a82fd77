// @ts-check
import { daysLeft, formatDate } from '../format.js';
import { CARD_INDICATORS, formatIndicator, indicatorLabel } from '../indicators.js';
import { html } from './html.js';
import { ModeBadge } from './mode.js';

/**
 * Every scope at a glance: its mode, how long it has left, an open proposal and three headline indicators.
 * Each card is a button that opens the scope below.
 * @param {{ scopes: any[], selectedScopeId: string | undefined, now: number, onSelect: (scopeId: string) => void }} props
 */
export function ScopeList({ scopes, selectedScopeId, now, onSelect }) {
  return html`
    <ul class="scope-list" aria-label="Crisis scopes">
      ${scopes.map((scope) => html`
        <li key=${scope.scopeId}>
          <button
            type="button"
            class=${`scope-card scope-card-${scope.mode}`}
            aria-pressed=${scope.scopeId === selectedScopeId ? 'true' : 'false'}
            data-scope-id=${scope.scopeId}
            onClick=${() => onSelect(scope.scopeId)}
          >
            <span class="scope-card-head">
              <span class="scope-name">${scope.name}</span>
              <${ModeBadge} status=${scope.status} />
            </span>
            <${Period} scope=${scope} now=${now} />
            ${scope.openProposal && html`<span class="scope-proposal">Open proposal: ${scope.openProposal.mode} ${scope.openProposal.kind} since ${formatDate(scope.openProposal.proposedAt)}</span>`}
            <span class="scope-headline">
              ${CARD_INDICATORS.map((name) => html`
                <span class="headline-item" key=${name}>
                  <span class="headline-label">${indicatorLabel(name)}</span>
                  <span class="headline-value">${formatIndicator(name, scope.indicators?.headline?.[name]?.value)}</span>
                </span>`)}
            </span>
          </button>
        </li>`)}
    </ul>`;
}

/** @param {{ scope: any, now: number }} props */
export function Period({ scope, now }) {
  if (!scope.activeSince) return html`<span class="scope-period">No mode in force</span>`;
  const left = scope.activeUntil ? daysLeft(scope.activeUntil, now) : undefined;
  return html`
    <span class="scope-period">
      Since ${formatDate(scope.activeSince)} until ${formatDate(scope.activeUntil)}
      ${left !== undefined && html` · <strong class=${left <= 21 ? 'days-left days-left-short' : 'days-left'}>${left} day${left === 1 ? '' : 's'} left</strong>`}
    </span>`;
}
