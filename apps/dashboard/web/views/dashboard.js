// @ts-check
import { useEffect, useMemo } from 'preact/hooks';
import { createApi } from '../api.js';
import { startDashboard } from '../state/dashboard-controller.js';
import { initialState, reduce } from '../state/reducer.js';
import { createStore, useNow, useStore } from '../state/store.js';
import { EvidenceDialog } from './evidence-dialog.js';
import { Header } from './header.js';
import { html } from './html.js';
import { ScopeDetail } from './scope-detail.js';
import { ScopeList } from './scope-list.js';
import { Activity, ExportControls, Filings } from './side-panels.js';

/**
 * The signed-in dashboard for one namespace (live data or one exercise). A new namespace mounts a new one,
 * so nothing of the other is ever shown under the wrong banner.
 * @param {{
 *   token: string,
 *   session: any,
 *   namespace: import('../api.js').Namespace,
 *   onNamespace: (namespace: import('../api.js').Namespace) => void,
 *   onSignOut: (message?: string) => void,
 * }} props
 */
export function Dashboard({ token, session, namespace, onNamespace, onSignOut }) {
  const api = useMemo(() => createApi({ token, namespace }), [token, namespace]);
  const store = useMemo(() => createStore(reduce, initialState()), [api]);
  const state = useStore(store);
  const now = useNow();
  const controller = useMemo(
    () => startDashboard({ api, token, session, dispatch: store.dispatch, state: store.get, onRefused: () => onSignOut('Your token was refused (expired or revoked): sign in again.') }),
    [store],
  );
  useEffect(() => () => controller.stop(), [controller]);

  const exercise = namespace.kind === 'exercise' ? namespace.exerciseId : undefined;
  useEffect(() => {
    document.title = exercise ? `EXERCISE ${exercise} · IMERA crisis cell` : 'IMERA crisis cell dashboard';
    document.body.classList.toggle('exercise', !!exercise);
  }, [exercise]);

  const scopes = state.scopes.availability === 'ready' ? state.scopes.value.scopes : [];
  const scopeNames = Object.fromEntries(scopes.map((/** @type {any} */ scope) => [scope.scopeId, scope.name]));
  const selected = scopes.find((/** @type {any} */ scope) => scope.scopeId === state.selectedScopeId);
  return html`
    <a class="skip-link" href="#main">Skip to the scopes</a>
    ${exercise && html`<${ExerciseBanner} exerciseId=${exercise} />`}
    <${Header} session=${session} namespace=${namespace} connection=${state.connection} lastChangeAt=${state.lastChangeAt} onNamespace=${onNamespace} onSignOut=${() => onSignOut()} />
    ${session.role === 'member-state-authority' && html`<p class="view-note">Member State view (${session.memberState}): aggregates for every scope and your own filings; other Member States' confidential details are not shown.</p>`}
    <div class="layout">
      <main id="main" tabindex="-1" class="main">
        ${state.scopes.availability === 'loading' && html`<p class="muted">Loading scopes…</p>`}
        ${state.scopes.availability !== 'loading' && state.scopes.availability !== 'ready' && html`<p class="notice">Crisis scopes unavailable: ${state.scopes.message ?? 'not available on this server'}</p>`}
        ${scopes.length > 0 && html`<${ScopeList} scopes=${scopes} selectedScopeId=${state.selectedScopeId} now=${now} onSelect=${controller.select} />`}
        ${selected && html`
          <${ScopeDetail}
            key=${selected.scopeId}
            summary=${selected}
            detail=${state.details[selected.scopeId]}
            trends=${state.trends[selected.scopeId]}
            instruments=${state.instruments[selected.scopeId]}
            now=${now}
            session=${session}
          />`}
      </main>
      <aside class="side" aria-label="Activity, filings and export controls">
        <${Activity} activity=${state.activity} scopeNames=${scopeNames} />
        <${Filings} loaded=${state.filings} session=${session} />
        <${ExportControls} loaded=${state.exportControls} />
      </aside>
    </div>
    ${exercise && html`<${ExerciseBanner} exerciseId=${exercise} bottom=${true} />`}
    <${EvidenceDialog} api=${api} />`;
}

/** @param {{ exerciseId: string, bottom?: boolean }} props */
function ExerciseBanner({ exerciseId, bottom = false }) {
  return html`
    <div class=${`exercise-banner${bottom ? ' exercise-banner-bottom' : ''}`} role=${bottom ? undefined : 'note'} data-exercise-id=${exerciseId}>
      EXERCISE ${exerciseId}: not live data. Everything on this page belongs to the exercise.
    </div>`;
}
