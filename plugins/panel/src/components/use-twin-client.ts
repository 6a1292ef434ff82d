import { useEffect, useState } from 'react';
import type { DataQueryRequest } from '@grafana/data';
import type { TwinClient } from '@twinops/datasource/src/api';
import { twinClientOf } from '../twin';
import { messageOf } from './use-floor-plan';

export interface TwinClientState {
  client?: TwinClient;
  error?: string;
}

/** The TwinOps datasource's client for the panel's query, resolved again only when the query's datasource changes. */
export function useTwinClient(request: DataQueryRequest | undefined): TwinClientState {
  const [state, setState] = useState<TwinClientState>({});
  const ref = request?.targets[0]?.datasource;
  const key = ref ? `${ref.type ?? ''}/${ref.uid ?? ''}` : '';
  useEffect(() => {
    let current = true;
    twinClientOf(request).then(
      (client) => current && setState({ client }),
      (error: unknown) => current && setState({ error: messageOf(error) })
    );
    return () => {
      current = false;
    };
    // The request object changes on every refresh; the datasource behind it rarely does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
