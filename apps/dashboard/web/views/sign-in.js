// @ts-check
import { useState } from 'preact/hooks';
import { cleanToken } from '../session.js';
import { html } from './html.js';

/**
 * Sign-in with a bearer token pasted from the identity provider, or from `npm run token` in the embedded
 * default. The token is checked against the server before the dashboard opens.
 * @param {{ onSubmit: (token: string) => void, message: string | undefined, busy: boolean }} props
 */
export function SignIn({ onSubmit, message, busy }) {
  const [text, setText] = useState('');
  /** @param {Event} event */
  const submit = (event) => {
    event.preventDefault();
    const token = cleanToken(text);
    if (token) onSubmit(token);
  };
  return html`
    <main class="sign-in" id="main">
      <h1>IMERA crisis cell dashboard</h1>
      <p>Sign in with your bearer token. It is kept in this browser tab only and forgotten when the tab closes.</p>
      <form onSubmit=${submit}>
        <label for="token">Bearer token</label>
        <textarea id="token" name="token" rows="5" autocomplete="off" spellcheck="false" required aria-describedby="token-help${message ? ' sign-in-error' : ''}"
          value=${text} onInput=${(/** @type {Event} */ event) => setText(/** @type {HTMLTextAreaElement} */ (event.currentTarget).value)}></textarea>
        <p id="token-help" class="muted">In the embedded default: <code>npm run --silent token -- --role crisis-cell --ttl 8h</code></p>
        ${message && html`<p id="sign-in-error" class="notice" role="alert">${message}</p>`}
        <button type="submit" class="button button-primary" disabled=${busy}>${busy ? 'Checking…' : 'Sign in'}</button>
      </form>
    </main>`;
}
