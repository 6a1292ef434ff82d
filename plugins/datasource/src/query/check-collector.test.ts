import { TwinApiError, type CollectorStatus, type TwinClient } from '../api';
import { checkCollector } from './check-collector';

const client = (health: () => Promise<unknown>, status: () => Promise<CollectorStatus>) =>
  ({ health, status }) as unknown as TwinClient;
const ok = () => Promise.resolve({ status: 'ok' });
const fail = (error: Error) => () => Promise.reject(error);

describe('checkCollector', () => {
  it('reports success with the collector version', async () => {
    const result = await checkCollector(
      client(ok, () => Promise.resolve({ name: 'twinops-collector', version: '0.1.0', api: 'v1' }))
    );
    expect(result).toEqual({
      status: 'success',
      outcome: 'success',
      message: 'Connected to twinops-collector 0.1.0 (API v1)',
    });
  });

  it('reports an unreachable collector', async () => {
    const result = await checkCollector(
      client(
        fail(new TwinApiError('TwinOps collector unreachable: network error: Failed to fetch', 'network', 0)),
        ok as never
      )
    );
    expect(result).toEqual({
      status: 'error',
      outcome: 'unreachable',
      message: 'Unreachable: TwinOps collector unreachable: network error: Failed to fetch',
      details: { message: "Check the collector URL in the settings and that Grafana's server can reach it." },
    });
  });

  it.each([401, 403])('reports a refused token (%i)', async (status) => {
    const result = await checkCollector(
      client(
        ok,
        fail(new TwinApiError(`TwinOps collector: ${status} bad token`, 'collector', status, 'unauthenticated'))
      )
    );
    expect([result.status, result.outcome, result.message, result.details?.message]).toEqual([
      'error',
      'unauthorized',
      `Unauthorized: TwinOps collector: ${status} bad token`,
      'Check the API token in the settings: it needs the read scope.',
    ]);
  });

  it('reports another API version', async () => {
    const result = await checkCollector(
      client(ok, () => Promise.resolve({ name: 'twinops-collector', version: '2.0.0', api: 'v2' }))
    );
    expect([result.outcome, result.message]).toEqual([
      'incompatible',
      'Incompatible API version: twinops-collector 2.0.0 speaks API v2, this datasource needs v1',
    ]);
  });

  it('reports a collector without the status route as incompatible', async () => {
    const result = await checkCollector(
      client(
        ok,
        fail(new TwinApiError('TwinOps collector: 404 no route for GET /api/v1/status', 'collector', 404, 'not_found'))
      )
    );
    expect([result.outcome, result.message]).toEqual([
      'incompatible',
      'Incompatible API version: TwinOps collector: 404 no route for GET /api/v1/status',
    ]);
  });

  it('reports other status failures as they are', async () => {
    const result = await checkCollector(
      client(ok, fail(new TwinApiError('TwinOps collector: 500 internal error', 'collector', 500, 'internal')))
    );
    expect([result.outcome, result.message]).toEqual(['failed', 'TwinOps collector: 500 internal error']);
  });
});
