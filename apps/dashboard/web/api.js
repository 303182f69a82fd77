// @ts-check

/**
 * @typedef {{ kind: 'live' } | { kind: 'exercise', exerciseId: string }} Namespace
 * @typedef {{ ok: true, status: number, body: any } | { ok: false, status: number, message: string }} ApiReply
 */

export const LIVE = /** @type {Namespace} */ ({ kind: 'live' });

/**
 * Where a namespace's data lives. Live data is under /api/v1; an exercise's under
 * /api/v1/exercises/<id>, so a server without that exercise answers 404 and the page can never show live
 * data under an exercise banner (or the reverse).
 * @param {Namespace} namespace
 */
export function apiBase(namespace) {
  return namespace.kind === 'live' ? '/api/v1' : `/api/v1/exercises/${encodeURIComponent(namespace.exerciseId)}`;
}

/**
 * The server's exercise-id rule (`isExerciseId` in `@imera/event-sourcing`), mirrored for the browser, which
 * cannot import it: letters, digits, dot, dash, underscore, at most 100 characters, never "..".
 * @param {string} text
 */
export function isExerciseId(text) {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(text) && !text.includes('..');
}

/**
 * Where the namespace answers a path: one relative to it (`/scopes`), or an evidence link, which the page
 * writes as the live path of its record (`/api/v1/notifications/<id>`) and an exercise answers under its
 * own path (`/api/v1/exercises/<id>/notifications/<id>`).
 * @param {string} path
 * @param {Namespace} namespace
 */
export function namespacePath(path, namespace) {
  const base = apiBase(namespace);
  if (path === base || path.startsWith(`${base}/`)) return path;
  if (path.startsWith('/api/v1/')) return `${base}${path.slice('/api/v1'.length)}`;
  return `${base}${path}`;
}

/**
 * Calls the API with the signed-in token, in the session's namespace (see `namespacePath`).
 * @param {{ token: string, namespace: Namespace, onRefused?: (status: number) => void }} session
 */
export function createApi(session) {
  const base = apiBase(session.namespace);
  /** @param {string} url @returns {Promise<ApiReply>} */
  const request = async (url) => {
    let response;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${session.token}`, accept: 'application/json' }, cache: 'no-store' });
    } catch {
      return { ok: false, status: 0, message: 'The server cannot be reached' };
    }
    const text = await response.text().catch(() => '');
    /** @type {any} */
    let body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.status === 401) session.onRefused?.(401);
    if (response.ok) return { ok: true, status: response.status, body };
    return { ok: false, status: response.status, message: messageOf(body) ?? `HTTP ${response.status}` };
  };
  /** @param {string} path */
  const get = (path) => request(namespacePath(path, session.namespace));
  return {
    namespace: session.namespace,
    streamUrl: `${base}/stream`,
    get,
    // The signed-in session is the server's, whichever namespace the page shows.
    session: () => request('/api/v1/dashboard/session'),
    scopes: () => get('/scopes'),
    /** @param {string} scopeId */
    scope: (scopeId) => get(`/scopes/${encodeURIComponent(scopeId)}`),
    /** @param {string} scopeId */
    trends: (scopeId) => get(`/dashboard/scopes/${encodeURIComponent(scopeId)}/trends`),
    /** @param {string} scopeId */
    openInstruments: (scopeId) => get(`/scopes/${encodeURIComponent(scopeId)}/open-instruments`),
    /** @param {string} collection @param {string} scopeId */
    instrumentsOf: (collection, scopeId) => get(`/${collection}?scopeId=${encodeURIComponent(scopeId)}`),
    /**
     * The newest filings (open ones first) for a panel that shows `shown` of them, and how many are open: the
     * list of every filing grows with the crisis, so the page never fetches all of it.
     * @param {number} shown
     * @returns {Promise<ApiReply>}
     */
    filings: async (shown) => {
      const open = await get(`/notifications?status=open&order=newest&limit=${shown}`);
      if (!open.ok) return open;
      const room = shown - open.body.notifications.length;
      const resolved = room > 0 ? await get(`/notifications?status=resolved&order=newest&limit=${room}`) : undefined;
      if (resolved && !resolved.ok) return resolved;
      const records = [...open.body.notifications, ...(resolved?.body.notifications ?? [])];
      return { ok: true, status: open.status, body: { records, open: open.body.total } };
    },
    exportControls: () => get('/export-controls'),
  };
}

/** @typedef {ReturnType<typeof createApi>} Api */

/** @param {any} body */
function messageOf(body) {
  if (!body || typeof body !== 'object') return undefined;
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  return typeof message === 'string' ? message : undefined;
}
