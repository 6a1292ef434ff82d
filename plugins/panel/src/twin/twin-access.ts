/**
 * The panel's way to the twin. Panels cannot use Grafana's data proxy themselves, so the panel
 * asks the TwinOps datasource of its query for its client: every request then goes through the
 * datasource's proxy route, with the token kept on the server.
 */
import { getDataSourceSrv } from '@grafana/runtime';
import type { DataQueryRequest } from '@grafana/data';
import type { TwinClient } from '@twinops/datasource/src/api';

export const TWIN_DATASOURCE_TYPE = 'twinops-twin-datasource';

/** Why the panel has no client, in words that say what to do. */
export class TwinAccessError extends Error {}

/** The client of the TwinOps datasource the panel's first query uses. */
export async function twinClientOf(request: DataQueryRequest | undefined): Promise<TwinClient> {
  const ref = request?.targets[0]?.datasource;
  if (!ref) {
    throw new TwinAccessError('Add a query with the TwinOps datasource to this panel.');
  }
  const instance = await getDataSourceSrv().get(ref);
  if (instance.type !== TWIN_DATASOURCE_TYPE) {
    throw new TwinAccessError(
      `This panel reads the twin through the TwinOps datasource; the query uses "${instance.name}" (${instance.type}).`
    );
  }
  return (instance as unknown as { client: TwinClient }).client;
}
