import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

/** State of one async load. */
export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the loaded value locally (after a write returned the new object). */
  setData: (update: (prev: T | undefined) => T | undefined) => void;
}

/** Runs `load` on mount and whenever `deps` change; stale responses are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass the dependencies of `load` explicitly.
  useEffect(() => {
    const run = ++latest.current;
    setLoading(true);
    load().then(
      (value) => {
        if (run !== latest.current) return;
        setDataState(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (run !== latest.current) return;
        setError(err);
        setLoading(false);
      },
    );
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

/** What `useTimedAsync` answers: the load, when it arrived, and a local replacement that also restamps it. */
export interface TimedAsyncState<T> extends AsyncState<T> {
  /** `Date.now()` when the data last arrived, for countdowns computed from the server's remaining times. */
  fetchedAt: number;
  /** Replaces the data with a fresh server answer (after a write) and restamps `fetchedAt`. */
  replace: (next: T) => void;
}

/** `useAsync` for data carrying server-computed remaining times: it remembers when each answer arrived. */
export function useTimedAsync<T>(load: () => Promise<T>, deps: DependencyList): TimedAsyncState<T> {
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const state = useAsync(async () => {
    const r = await load();
    setFetchedAt(Date.now());
    return r;
  }, deps);
  const { setData } = state;
  const replace = useCallback(
    (next: T) => {
      setData(() => next);
      setFetchedAt(Date.now());
    },
    [setData],
  );
  return { ...state, fetchedAt, replace };
}
