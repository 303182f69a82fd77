// @ts-check
import { describeChange } from './describe-change.js';

/**
 * @typedef {import('../live/live-stream.js').LiveStatus} LiveStatus
 * @typedef {'loading' | 'ready' | 'unavailable' | 'refused'} Availability
 * @typedef {{ availability: Availability, value?: any, message?: string }} Loaded
 * @typedef {import('./describe-change.js').Activity} Activity
 * @typedef {{
 *   connection: LiveStatus,
 *   lastEventId: string | undefined,
 *   lastChangeAt: number | undefined,
 *   scopes: Loaded,
 *   selectedScopeId: string | undefined,
 *   details: Record<string, Loaded>,
 *   trends: Record<string, Loaded>,
 *   instruments: Record<string, Loaded>,
 *   filings: Loaded,
 *   exportControls: Loaded,
 *   activity: Activity[],
 * }} DashboardState
 * @typedef {{ type: 'connection', status: LiveStatus }
 *   | { type: 'loaded', what: 'scopes' | 'filings' | 'exportControls', result: Loaded }
 *   | { type: 'loaded-for-scope', what: 'details' | 'trends' | 'instruments', scopeId: string, result: Loaded }
 *   | { type: 'select-scope', scopeId: string }
 *   | { type: 'live-change', kind: string, change: any, id: string | undefined, receivedAt: number }} DashboardAction
 */

/** How many live changes the activity list keeps. */
export const ACTIVITY_KEPT = 60;

/** @returns {DashboardState} */
export function initialState() {
  return {
    connection: { state: 'connecting', since: 0 },
    lastEventId: undefined,
    lastChangeAt: undefined,
    scopes: { availability: 'loading' },
    selectedScopeId: undefined,
    details: {},
    trends: {},
    instruments: {},
    filings: { availability: 'loading' },
    exportControls: { availability: 'loading' },
    activity: [],
  };
}

/**
 * The dashboard's state after one action. Pure. Live changes update what they carry at once (a mode, the
 * headline values, a trend point); the fuller views are reloaded by the caller just after.
 * @param {DashboardState} state
 * @param {DashboardAction} action
 * @returns {DashboardState}
 */
export function reduce(state, action) {
  switch (action.type) {
    case 'connection':
      return { ...state, connection: action.status };
    case 'loaded': {
      const next = { ...state, [action.what]: action.result };
      if (action.what === 'scopes' && !next.selectedScopeId) next.selectedScopeId = mostSevereScope(action.result.value?.scopes);
      return next;
    }
    case 'loaded-for-scope':
      return { ...state, [action.what]: { ...state[action.what], [action.scopeId]: action.result } };
    case 'select-scope':
      return { ...state, selectedScopeId: action.scopeId };
    case 'live-change':
      return liveChange(state, action);
  }
}

/** @param {DashboardState} state @param {Extract<DashboardAction, { type: 'live-change' }>} action */
function liveChange(state, { kind, change, id, receivedAt }) {
  const base = { ...state, lastEventId: id ?? state.lastEventId, lastChangeAt: receivedAt };
  if (kind === 'resync') return base;
  const activity = describeChange(kind, change, receivedAt);
  const next = activity ? { ...base, activity: [activity, ...state.activity].slice(0, ACTIVITY_KEPT) } : base;
  if (kind === 'mode-changed') return withScopeSummary(next, change.scopeId, (summary) => modeOf(summary, change));
  if (kind === 'indicators-changed') return withTrendPoint(withScopeSummary(next, change.scopeId, (summary) => headlineOf(summary, change)), change);
  return next;
}

/** @param {DashboardState} state @param {string} scopeId @param {(summary: any) => any} update */
function withScopeSummary(state, scopeId, update) {
  const scopes = state.scopes.value?.scopes;
  if (!Array.isArray(scopes)) return state;
  const updated = scopes.map((summary) => (summary.scopeId === scopeId ? update(summary) : summary));
  return { ...state, scopes: { ...state.scopes, value: { ...state.scopes.value, scopes: updated } } };
}

/** @param {any} summary @param {any} change */
function modeOf(summary, change) {
  const { activeSince, activeUntil, ...rest } = summary;
  return {
    ...rest,
    status: change.status,
    mode: change.mode,
    ...(change.activeSince ? { activeSince: change.activeSince, activeUntil: change.activeUntil } : {}),
  };
}

/** @param {any} summary @param {any} change */
function headlineOf(summary, change) {
  const headline = { ...summary.indicators?.headline };
  for (const [name, value] of Object.entries(change.values ?? {})) headline[name] = { ...headline[name], value };
  return {
    ...summary,
    indicators: { ...summary.indicators, asOf: change.asOf, headline },
    assessment: { ...summary.assessment, reached: change.reached, holding: change.holding },
  };
}

/** @param {DashboardState} state @param {any} change */
function withTrendPoint(state, change) {
  const loaded = state.trends[change.scopeId];
  if (loaded?.availability !== 'ready') return state;
  const indicators = { ...loaded.value.indicators };
  for (const [name, value] of Object.entries(change.values ?? {})) {
    const trend = indicators[name];
    if (!trend) continue;
    const last = trend.points[trend.points.length - 1];
    if (last && last.at === change.asOf) continue;
    indicators[name] = { ...trend, points: [...trend.points, { at: change.asOf, value }] };
  }
  return { ...state, trends: { ...state.trends, [change.scopeId]: { ...loaded, value: { ...loaded.value, indicators } } } };
}

const SEVERITY = { emergency: 2, vigilance: 1, normal: 0 };

/** The scope to open first: the one in the most severe mode, then the first listed. @param {any[] | undefined} scopes */
export function mostSevereScope(scopes) {
  if (!Array.isArray(scopes) || scopes.length === 0) return undefined;
  const rank = (/** @type {any} */ scope) => SEVERITY[/** @type {keyof typeof SEVERITY} */ (scope.mode)] ?? 0;
  return [...scopes].sort((a, b) => rank(b) - rank(a))[0].scopeId;
}
