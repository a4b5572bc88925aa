import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from './types';

/** A keyset-paginated list: the rows so far, the cursor for more, and when the first page arrived. */
export interface KeysetList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  /** Loads the next page; null when the last page is in. */
  more: (() => void) | null;
  reload: () => void;
  /** `Date.now()` when the first page arrived, for countdowns computed from server figures. */
  fetchedAt: number;
}

/** Loads page one when `deps` change and appends further pages on demand; stale answers are dropped. */
export function useKeyset<T>(
  load: (cursor?: string) => Promise<Page<T>>,
  deps: DependencyList,
): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const [tick, setTick] = useState(0);
  const run = useRef(0);

  const fetchPage = useCallback(
    (after: string | null) => {
      const mine = after ? run.current : ++run.current;
      setLoading(true);
      setError(null);
      load(after ?? undefined).then(
        (page) => {
          if (mine !== run.current) return;
          setItems((prev) => (after ? [...prev, ...page.items] : page.items));
          setCursor(page.nextCursor);
          if (!after) setFetchedAt(Date.now());
          setLoading(false);
        },
        (err: unknown) => {
          if (mine !== run.current) return;
          setError(err);
          setLoading(false);
        },
      );
    },
    // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass the dependencies of `load` explicitly.
    deps,
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` forces a reload.
  useEffect(() => fetchPage(null), [fetchPage, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return {
    items,
    loading,
    error,
    more: cursor && !loading ? () => fetchPage(cursor) : null,
    reload,
    fetchedAt,
  };
}
