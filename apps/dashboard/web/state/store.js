// @ts-check
import { useEffect, useState } from 'preact/hooks';

/**
 * A synchronous store: the controller reads the state it just changed, the views re-render on change.
 * @template S, A
 * @param {(state: S, action: A) => S} reduce
 * @param {S} initial
 */
export function createStore(reduce, initial) {
  let state = initial;
  /** @type {Set<() => void>} */
  const listeners = new Set();
  return {
    get: () => state,
    /** @param {A} action */
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    /** @param {() => void} listener */
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * @template S, A
 * @param {ReturnType<typeof createStore<S, A>>} store
 * @returns {S}
 */
export function useStore(store) {
  const [, rendered] = useState(0);
  useEffect(() => store.subscribe(() => rendered((count) => count + 1)), [store]);
  return store.get();
}

/** The current time, moving every `everyMs`: days left and deadlines count down without reloads. */
export function useNow(everyMs = 30_000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
