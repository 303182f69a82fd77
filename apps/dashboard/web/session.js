// @ts-check
import { isExerciseId, LIVE } from './api.js';

/** Kept for the browser tab only: closing the tab signs out, and no other tab or site can read it. */
const TOKEN_KEY = 'imera.dashboard.token';
const NAMESPACE_KEY = 'imera.dashboard.namespace';

export function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** @param {string | undefined} token */
export function storeToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** @returns {import('./api.js').Namespace} */
export function storedNamespace() {
  const exerciseId = sessionStorage.getItem(NAMESPACE_KEY);
  return exerciseId && isExerciseId(exerciseId) ? { kind: 'exercise', exerciseId } : LIVE;
}

/** @param {import('./api.js').Namespace} namespace */
export function storeNamespace(namespace) {
  if (namespace.kind === 'exercise') sessionStorage.setItem(NAMESPACE_KEY, namespace.exerciseId);
  else sessionStorage.removeItem(NAMESPACE_KEY);
}

/** A pasted token, without "Bearer " or the whitespace that copying adds. @param {string} text */
export function cleanToken(text) {
  return text.trim().replace(/^Bearer\s+/i, '').replace(/\s+/g, '');
}
