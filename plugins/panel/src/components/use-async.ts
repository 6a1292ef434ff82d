import { useEffect, useState } from 'react';

export interface AsyncState<T> {
  value?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * The result of `load` for the current `deps`; an answer for older deps is dropped (the
 * signal aborts it), so a quick change of selection never shows the previous entity's data.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ loading: true });
  useEffect(() => {
    const abort = new AbortController();
    setState({ loading: true });
    load(abort.signal).then(
      (value) => !abort.signal.aborted && setState({ value, loading: false }),
      (error: unknown) => !abort.signal.aborted && setState({ error, loading: false })
    );
    return () => abort.abort();
    // The caller names what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** The HTTP status of a client error (TwinApiError carries one), or undefined. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}
