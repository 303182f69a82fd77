// @ts-check
import { useState } from 'preact/hooks';
import { isExerciseId } from '../api.js';
import { formatClock } from '../format.js';
import { html } from './html.js';

const ROLE_NAMES = /** @type {Record<string, string>} */ ({
  'crisis-cell': 'Crisis cell',
  'commission-analyst': 'Commission analyst',
  'council-secretariat': 'Council secretariat',
  'member-state-authority': 'Member State authority',
  'exercise-runner': 'Exercise runner',
});

/**
 * @param {{
 *   session: any,
 *   namespace: import('../api.js').Namespace,
 *   connection: import('../live/live-stream.js').LiveStatus,
 *   lastChangeAt: number | undefined,
 *   onNamespace: (namespace: import('../api.js').Namespace) => void,
 *   onSignOut: () => void,
 * }} props
 */
export function Header({ session, namespace, connection, lastChangeAt, onNamespace, onSignOut }) {
  const who = `${ROLE_NAMES[session.role] ?? session.role}${session.memberState ? ` ${session.memberState}` : ''}`;
  return html`
    <header class="top-bar">
      <h1>IMERA crisis cell <span class="top-bar-sub">critical raw materials</span></h1>
      <${NamespaceSwitch} namespace=${namespace} onNamespace=${onNamespace} />
      <${ConnectionStatus} connection=${connection} lastChangeAt=${lastChangeAt} />
      <div class="who">
        <span>${who}<span class="muted"> · ${session.name ?? session.subject}</span></span>
        <button type="button" class="button" onClick=${onSignOut}>Sign out</button>
      </div>
    </header>`;
}

/** @param {{ namespace: import('../api.js').Namespace, onNamespace: (namespace: import('../api.js').Namespace) => void }} props */
function NamespaceSwitch({ namespace, onNamespace }) {
  const [exerciseId, setExerciseId] = useState(namespace.kind === 'exercise' ? namespace.exerciseId : '');
  const [problem, setProblem] = useState('');
  /** @param {Event} event */
  const submit = (event) => {
    event.preventDefault();
    const id = exerciseId.trim();
    if (!isExerciseId(id)) return setProblem('An exercise id is letters, digits, dots, dashes or underscores');
    setProblem('');
    onNamespace({ kind: 'exercise', exerciseId: id });
  };
  return html`
    <form class="namespace-switch" onSubmit=${submit} aria-label="Data shown">
      <button type="button" class=${namespace.kind === 'live' ? 'button button-current' : 'button'} aria-pressed=${namespace.kind === 'live' ? 'true' : 'false'}
        onClick=${() => onNamespace({ kind: 'live' })}>Live data</button>
      <label for="exercise-id" class="visually-hidden">Exercise id</label>
      <input id="exercise-id" name="exercise" placeholder="exercise id" value=${exerciseId} size="14"
        aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? 'exercise-problem' : undefined}
        onInput=${(/** @type {Event} */ event) => setExerciseId(/** @type {HTMLInputElement} */ (event.currentTarget).value)} />
      <button type="submit" class=${namespace.kind === 'exercise' ? 'button button-current button-exercise' : 'button'} aria-pressed=${namespace.kind === 'exercise' ? 'true' : 'false'}>View exercise</button>
      ${problem && html`<span id="exercise-problem" class="notice" role="alert">${problem}</span>`}
    </form>`;
}

const STATUS_TEXT = /** @type {Record<string, string>} */ ({
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Connection lost, reconnecting',
  unavailable: 'Live updates not available on this server',
  refused: 'Live updates refused',
});

/** @param {{ connection: import('../live/live-stream.js').LiveStatus, lastChangeAt: number | undefined }} props */
function ConnectionStatus({ connection, lastChangeAt }) {
  const retry = connection.retryInMs ? ` (next try in ${Math.ceil(connection.retryInMs / 1000)} s)` : '';
  return html`
    <p class=${`connection connection-${connection.state}`} role="status" data-connection=${connection.state}>
      <span class="connection-dot" aria-hidden="true"></span>
      <span>${STATUS_TEXT[connection.state] ?? connection.state}${connection.state !== 'live' ? retry : ''}</span>
      ${lastChangeAt && html`<span class="muted"> · last change ${formatClock(lastChangeAt)}</span>`}
    </p>`;
}
