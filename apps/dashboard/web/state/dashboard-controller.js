// @ts-check
import { openLiveStream } from '../live/live-stream.js';
import { INSTRUMENT_COLLECTIONS, instrumentLines } from './instrument-lines.js';

/**
 * @typedef {import('../api.js').Api} Api
 * @typedef {import('../api.js').ApiReply} ApiReply
 * @typedef {import('./reducer.js').DashboardAction} DashboardAction
 * @typedef {import('./reducer.js').DashboardState} DashboardState
 * @typedef {import('./reducer.js').Loaded} Loaded
 * @typedef {{ role: string, memberState?: string, exerciseId?: string, shows: { openInstruments: boolean, filings: 'own' | 'all' | 'none', auditTrail: boolean } }} Session
 */

/** Changes arriving close together share one reload. Default, not law. */
const RELOAD_AFTER_MS = 150;
/** A safety net: everything is reloaded this often even when the stream is quiet. */
const FULL_RELOAD_EVERY_MS = 5 * 60_000;
/** How many filings the notifications panel shows. */
const FILINGS_SHOWN = 25;

/**
 * Loads what the page shows and keeps it current: the live stream's changes are applied at once and the
 * views they touch are reloaded just after; after a reconnection, a resync or a long quiet spell everything
 * is reloaded, so the page catches up on whatever it missed.
 * @param {{
 *   api: Api,
 *   token: string,
 *   session: Session,
 *   dispatch: (action: DashboardAction) => void,
 *   state: () => DashboardState,
 *   onRefused: () => void,
 * }} options
 */
export function startDashboard({ api, token, session, dispatch, state, onRefused }) {
  /** @type {{ scopes: boolean, filings: boolean, exportControls: boolean, scopeIds: Set<string>, all: boolean }} */
  let pending = { scopes: false, filings: false, exportControls: false, scopeIds: new Set(), all: false };
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let stopped = false;

  /** @param {ApiReply} reply @param {(body: any) => any} [pick] @returns {Loaded} */
  const loaded = (reply, pick = (body) => body) => {
    if (reply.ok) return { availability: 'ready', value: pick(reply.body) };
    if (reply.status === 403) return { availability: 'refused', message: reply.message };
    return { availability: 'unavailable', message: reply.status === 404 ? 'Not available on this server' : reply.message };
  };

  const loadScopes = async () => dispatch({ type: 'loaded', what: 'scopes', result: loaded(await api.scopes()) });

  const loadFilings = async () => {
    if (session.shows.filings === 'none') return dispatch({ type: 'loaded', what: 'filings', result: { availability: 'refused' } });
    dispatch({ type: 'loaded', what: 'filings', result: loaded(await api.filings(FILINGS_SHOWN)) });
  };

  const loadExportControls = async () => dispatch({ type: 'loaded', what: 'exportControls', result: loaded(await api.exportControls(), (body) => body.measures) });

  /** @param {string} scopeId */
  const loadInstruments = async (scopeId) => {
    if (session.shows.openInstruments) {
      const result = loaded(await api.openInstruments(scopeId), (body) => body.openInstruments);
      return dispatch({ type: 'loaded-for-scope', what: 'instruments', scopeId, result });
    }
    if (session.role !== 'member-state-authority') return dispatch({ type: 'loaded-for-scope', what: 'instruments', scopeId, result: { availability: 'refused' } });
    const replies = await Promise.all(INSTRUMENT_COLLECTIONS.map(([collection]) => api.instrumentsOf(collection, scopeId)));
    const failed = replies.find((reply) => !reply.ok);
    const result = failed
      ? loaded(failed)
      : loaded({ ok: true, status: 200, body: null }, () => INSTRUMENT_COLLECTIONS.flatMap(([collection, field], index) => instrumentLines(collection, /** @type {any} */ (replies[index]).body[field] ?? [])));
    dispatch({ type: 'loaded-for-scope', what: 'instruments', scopeId, result });
  };

  /** @param {string} scopeId */
  const loadScope = async (scopeId) => {
    const [detail, trends] = await Promise.all([api.scope(scopeId), api.trends(scopeId)]);
    dispatch({ type: 'loaded-for-scope', what: 'details', scopeId, result: loaded(detail) });
    dispatch({ type: 'loaded-for-scope', what: 'trends', scopeId, result: loaded(trends) });
    await loadInstruments(scopeId);
  };

  const loadAll = async () => {
    await Promise.all([loadScopes(), loadFilings(), loadExportControls()]);
    const selected = state().selectedScopeId;
    if (selected) await loadScope(selected);
  };

  const reload = () => {
    timer = undefined;
    const due = pending;
    pending = { scopes: false, filings: false, exportControls: false, scopeIds: new Set(), all: false };
    if (stopped) return;
    if (due.all) return void loadAll();
    if (due.scopes) void loadScopes();
    if (due.filings) void loadFilings();
    if (due.exportControls) void loadExportControls();
    const selected = state().selectedScopeId;
    if (selected && due.scopeIds.has(selected)) void loadScope(selected);
  };

  /** @param {Partial<Omit<typeof pending, 'scopeIds'>> & { scopeIds?: string[] }} what */
  const reloadSoon = (what) => {
    pending = {
      scopes: pending.scopes || !!what.scopes,
      filings: pending.filings || !!what.filings,
      exportControls: pending.exportControls || !!what.exportControls,
      all: pending.all || !!what.all,
      scopeIds: new Set([...pending.scopeIds, ...(what.scopeIds ?? [])]),
    };
    timer ??= setTimeout(reload, RELOAD_AFTER_MS);
  };

  const live = openLiveStream({
    url: api.streamUrl,
    token,
    onStatus: (status) => {
      dispatch({ type: 'connection', status });
      if (status.state === 'refused' && status.httpStatus === 401) onRefused();
      // Connected (first, or back after an interruption): the stream carries what follows, the views are
      // read afresh so nothing recorded before the connection is missed.
      if (status.state === 'live') reloadSoon({ all: true });
    },
    onEvent: ({ type, data, id }) => {
      dispatch({ type: 'live-change', kind: type, change: data, id, receivedAt: Date.now() });
      const scopeIds = data.scopeId ? [data.scopeId] : Array.isArray(data.scopeIds) ? data.scopeIds : [];
      if (type === 'resync') reloadSoon({ all: true });
      else if (type === 'notification') reloadSoon({ scopes: true, filings: true, scopeIds });
      else if (type === 'export-control') reloadSoon({ scopes: true, exportControls: true, scopeIds });
      else reloadSoon({ scopes: true, scopeIds });
    },
  });

  const everyFewMinutes = setInterval(() => reloadSoon({ all: true }), FULL_RELOAD_EVERY_MS);
  const online = () => live.reconnectNow();
  const visible = () => document.visibilityState === 'visible' && live.reconnectNow();
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', visible);
  void loadAll();

  return {
    /** @param {string} scopeId */
    select(scopeId) {
      dispatch({ type: 'select-scope', scopeId });
      void loadScope(scopeId);
    },
    stop() {
      stopped = true;
      live.close();
      clearTimeout(timer);
      clearInterval(everyFewMinutes);
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
    },
  };
}
