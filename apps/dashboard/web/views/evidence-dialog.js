// @ts-check
import { useEffect, useRef, useState } from 'preact/hooks';
import { evidenceFromHash } from '../evidence.js';
import { html } from './html.js';

/**
 * The record behind a link ("#evidence=/api/v1/..."), read with the signed-in token and shown in a modal
 * dialog. Escape or the close button returns to where the reader was.
 * @param {{ api: import('../api.js').Api }} props
 */
export function EvidenceDialog({ api }) {
  const [path, setPath] = useState(() => evidenceFromHash(location.hash));
  const [reply, setReply] = useState(/** @type {import('../api.js').ApiReply | undefined} */ (undefined));
  const dialog = useRef(/** @type {HTMLDialogElement | null} */ (null));

  useEffect(() => {
    const follow = () => setPath(evidenceFromHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    setReply(undefined);
    const element = dialog.current;
    if (!element) return;
    if (!path) {
      if (element.open) element.close();
      return;
    }
    if (!element.open) element.showModal();
    let current = true;
    void api.get(path).then((result) => current && setReply(result));
    return () => void (current = false);
  }, [path, api]);

  const close = () => {
    if (location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
    setPath(undefined);
  };

  return html`
    <dialog ref=${dialog} class="evidence-dialog" aria-labelledby="evidence-title" onClose=${() => path && close()}>
      <header>
        <h2 id="evidence-title">Evidence</h2>
        <button type="button" class="button" onClick=${close}>Close</button>
      </header>
      <p class="muted evidence-path">${path}</p>
      ${!reply && html`<p>Loading…</p>`}
      ${reply && !reply.ok && html`<p class="notice">${reply.status === 404 ? 'Not found, or not visible to your role.' : reply.status === 403 ? 'Your role may not read this record.' : reply.message}</p>`}
      ${reply?.ok && html`<pre class="evidence-body" tabindex="0">${JSON.stringify(reply.body, null, 2)}</pre>`}
    </dialog>`;
}
