import type { TestDataSourceResponse } from '@grafana/data';
import { TwinApiError, toTwinError, type TwinClient } from '../api';
import { API_VERSION } from '../types';

/** Which check failed, so Save & test can say what to fix. */
export type CheckOutcome = 'unreachable' | 'unauthorized' | 'incompatible' | 'success' | 'failed';

export interface CollectorCheck extends TestDataSourceResponse {
  outcome: CheckOutcome;
}

const failure = (outcome: CheckOutcome, message: string, detail: string): CollectorCheck => ({
  status: 'error',
  outcome,
  message,
  details: { message: detail },
});

/**
 * Save & test: reachability first (GET /healthz through the proxy needs no token), then the token
 * and the API version (GET /api/v1/status needs the read scope). Each failure names what to fix.
 */
export async function checkCollector(client: TwinClient): Promise<CollectorCheck> {
  try {
    await client.health();
  } catch (error) {
    const e = toTwinError(error);
    return failure(
      'unreachable',
      `Unreachable: ${e.message}`,
      "Check the collector URL in the settings and that Grafana's server can reach it."
    );
  }
  let status;
  try {
    status = await client.status();
  } catch (error) {
    const e = toTwinError(error);
    if (e instanceof TwinApiError && (e.status === 401 || e.status === 403)) {
      return failure(
        'unauthorized',
        `Unauthorized: ${e.message}`,
        'Check the API token in the settings: it needs the read scope.'
      );
    }
    if (e.status === 404) {
      return failure(
        'incompatible',
        `Incompatible API version: ${e.message}`,
        `This datasource needs a collector serving /api/${API_VERSION}/status.`
      );
    }
    return failure('failed', e.message, 'The collector is reachable but could not report its status.');
  }
  if (status.api !== API_VERSION) {
    return failure(
      'incompatible',
      `Incompatible API version: ${status.name} ${status.version} speaks API ${status.api}, this datasource needs ${API_VERSION}`,
      'Upgrade the collector or the plugin so both speak the same API version.'
    );
  }
  return {
    status: 'success',
    outcome: 'success',
    message: `Connected to ${status.name} ${status.version} (API ${status.api})`,
  };
}
