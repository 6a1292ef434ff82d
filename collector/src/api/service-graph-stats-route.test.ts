import type { ServiceGraphStats } from '../model';
import { createTestApp } from './test-support/test-app';

const STATS: ServiceGraphStats = {
  pending: 12,
  capacity: 100_000,
  paired: 4200,
  expired: { client: 3, server: 1, producer: 0, consumer: 2 },
  virtualEdges: 4,
  dropped: { client: 0, server: 5 },
};

describe('GET /api/v1/service-graph/stats', () => {
  it('answers the pairing counts of the service graph', async () => {
    const { app } = createTestApp({ serviceGraphStats: () => STATS });
    const res = await app.inject('/api/v1/service-graph/stats');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(STATS);
  });

  it('answers 503 when the collector runs no service graph', async () => {
    const { app } = createTestApp();
    const res = await app.inject('/api/v1/service-graph/stats');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: { code: 'unavailable', message: 'the service graph is not running in this collector' } });
  });

  it('needs the read scope', async () => {
    const { app } = createTestApp({ serviceGraphStats: () => STATS, authorize: (_header, scope) => (scope === 'read' ? 'forbidden' : 'ok') });
    const res = await app.inject('/api/v1/service-graph/stats');
    expect(res.statusCode).toBe(403);
  });
});
