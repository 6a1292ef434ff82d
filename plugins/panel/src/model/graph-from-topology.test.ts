import type { Topology } from '@twinops/datasource/src/api';
import { graphFromTopology, healthFractions } from './graph-from-topology';

const topology: Topology = {
  nodes: [
    {
      id: 'svc:checkout',
      type: 'service',
      level: 'system',
      title: 'checkout',
      subtitle: 'service',
      virtual: false,
      health: { status: 'degraded', score: 0.6 },
      stats: { requests_per_second: 20, error_ratio: 0.1, latency_p95_seconds: 0.5, pue: null },
      firstSeen: 1,
      lastSeen: 2,
    },
    {
      id: 'rack:r1',
      type: 'rack',
      level: 'asset',
      title: '',
      subtitle: 'rack',
      virtual: false,
      parent: 'row:a',
      health: { status: 'ok' },
      stats: { power_watts: 4000, capacity_watts: 8000 },
      firstSeen: 1,
      lastSeen: 2,
    },
  ],
  edges: [
    {
      id: 'calls:a->b',
      source: 'svc:web',
      target: 'svc:checkout',
      type: 'calls',
      stats: { requests_per_second: 7, error_ratio: 0 },
      firstSeen: 1,
      lastSeen: 2,
    },
    {
      id: 'contains:x->y',
      source: 'row:a',
      target: 'rack:r1',
      type: 'contains',
      stats: { requests_per_second: null },
      firstSeen: 1,
      lastSeen: 2,
    },
  ],
};

describe('graphFromTopology', () => {
  it('maps nodes with numeric stats, health and formatted stats', () => {
    expect(graphFromTopology(topology).nodes).toEqual([
      {
        id: 'svc:checkout',
        title: 'checkout',
        subtitle: 'service',
        type: 'service',
        level: 'system',
        health: 'degraded',
        healthFractions: { ok: 0.6, degraded: 0.4, failing: 0, unknown: 0 },
        mainstat: '20 req/s',
        secondarystat: '500 ms',
        stats: { requests_per_second: 20, error_ratio: 0.1, latency_p95_seconds: 0.5 },
      },
      {
        id: 'rack:r1',
        title: 'rack:r1',
        subtitle: 'rack',
        type: 'rack',
        level: 'asset',
        health: 'ok',
        healthFractions: { ok: 0, degraded: 0, failing: 0, unknown: 1 },
        stats: { power_watts: 4000, capacity_watts: 8000 },
      },
    ]);
  });

  it('maps edges with rate and error ratio', () => {
    expect(graphFromTopology(topology).edges).toEqual([
      {
        id: 'calls:a->b',
        source: 'svc:web',
        target: 'svc:checkout',
        type: 'calls',
        requestsPerSecond: 7,
        errorRatio: 0,
        mainstat: '7 req/s',
      },
      { id: 'contains:x->y', source: 'row:a', target: 'rack:r1', type: 'contains' },
    ]);
  });
});

describe('healthFractions', () => {
  it.each([
    [
      { status: 'ok' as const, score: 1 },
      { ok: 1, degraded: 0, failing: 0, unknown: 0 },
    ],
    [
      { status: 'ok' as const, score: 0.9 },
      { ok: 0.9, degraded: 0.09999999999999998, failing: 0, unknown: 0 },
    ],
    [
      { status: 'failing' as const, score: 0.25 },
      { ok: 0.25, degraded: 0, failing: 0.75, unknown: 0 },
    ],
    [
      { status: 'degraded' as const, score: 1.5 },
      { ok: 1, degraded: 0, failing: 0, unknown: 0 },
    ],
    [
      { status: 'unknown' as const, score: 0.5 },
      { ok: 0, degraded: 0, failing: 0, unknown: 1 },
    ],
    [
      { status: 'failing' as const, score: null },
      { ok: 0, degraded: 0, failing: 0, unknown: 1 },
    ],
  ])('%p → %p', (health, expected) => {
    expect(healthFractions(health)).toEqual(expected);
  });
});
