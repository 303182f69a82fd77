// @ts-check
import { useEffect, useState } from 'preact/hooks';
import { createApi, LIVE } from '../api.js';
import { storedNamespace, storedToken, storeNamespace, storeToken } from '../session.js';
import { Dashboard } from './dashboard.js';
import { html } from './html.js';
import { SignIn } from './sign-in.js';

/**
 * Signs in (the token is checked with the server first), then shows the dashboard for the chosen
 * namespace; an exercise runner bound to an exercise starts in that exercise.
 */
export function App() {
  const [token, setToken] = useState(storedToken);
  const [session, setSession] = useState(/** @type {any} */ (undefined));
  const [namespace, setNamespace] = useState(storedNamespace);
  const [message, setMessage] = useState(/** @type {string | undefined} */ (undefined));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token || session) return;
    let current = true;
    setBusy(true);
    void createApi({ token, namespace: LIVE })
      .session()
      .then((reply) => {
        if (!current) return;
        setBusy(false);
        if (reply.ok) {
          storeToken(token);
          setSession(reply.body);
          if (reply.body.exerciseId && storedNamespace().kind === 'live') choose({ kind: 'exercise', exerciseId: reply.body.exerciseId });
          return;
        }
        signOut(refusal(reply));
      });
    return () => void (current = false);
  }, [token, session]);

  /** @param {import('../api.js').Namespace} next */
  const choose = (next) => {
    storeNamespace(next);
    setNamespace(next);
  };

  /** @param {string} [why] */
  const signOut = (why) => {
    storeToken(undefined);
    setToken(undefined);
    setSession(undefined);
    setMessage(why);
  };

  if (!token || !session) {
    return html`<${SignIn} busy=${busy} message=${message} onSubmit=${(/** @type {string} */ pasted) => { setMessage(undefined); setToken(pasted); }} />`;
  }
  return html`<${Dashboard} key=${namespace.kind === 'live' ? 'live' : `exercise:${namespace.exerciseId}`} token=${token} session=${session} namespace=${namespace} onNamespace=${choose} onSignOut=${signOut} />`;
}

/** @param {import('../api.js').ApiReply} reply */
function refusal(reply) {
  if (reply.ok) return undefined;
  if (reply.status === 401) return `The server refused this token: ${reply.message}`;
  if (reply.status === 403) return 'Your role may not use the dashboard (it is for the crisis cell, the Commission, the Council secretariat, Member State authorities and exercise runners).';
  if (reply.status === 0) return 'The server cannot be reached. Try again.';
  return `Sign-in failed: ${reply.message}`;
}
