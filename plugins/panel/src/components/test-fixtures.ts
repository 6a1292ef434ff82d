/** Fixtures for the components' tests: query frames, an infrastructure topology, a simulation and a fake client. */
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import type { SavedScenario, SimulationResult, Topology, TopologyNode, TwinClient } from '@twinops/datasource/src/api';

/** The datasource's Topology frames for frontend → checkout → payments (one edge with 8 % errors). */
export function topologyFrames(): DataFrame[] {
  return [
    createDataFrame({
      name: 'nodes',
      refId: 'A',
      fields: [
        {
          name: 'id',
          type: FieldType.string,
          values: ['service:shop/frontend', 'service:shop/checkout', 'service:shop/payments'],
        },
        { name: 'title', type: FieldType.string, values: ['frontend', 'checkout', 'payments'] },
        { name: 'subtitle', type: FieldType.string, values: ['shop', 'shop', 'shop'] },
        { name: 'mainstat', type: FieldType.number, values: [120, 40, 12] },
        { name: 'arc__ok', type: FieldType.number, values: [1, 0.25, 0] },
        { name: 'arc__degraded', type: FieldType.number, values: [0, 0, 1] },
        { name: 'arc__failing', type: FieldType.number, values: [0, 0.75, 0] },
        { name: 'arc__unknown', type: FieldType.number, values: [0, 0, 0] },
        { name: 'detail__type', type: FieldType.string, values: ['service', 'service', 'service'] },
        { name: 'detail__level', type: FieldType.string, values: ['system', 'system', 'system'] },
        { name: 'detail__health', type: FieldType.string, values: ['ok', 'failing', 'degraded'] },
      ],
    }),
    createDataFrame({
      name: 'edges',
      refId: 'A',
      fields: [
        { name: 'id', type: FieldType.string, values: ['e1', 'e2'] },
        { name: 'source', type: FieldType.string, values: ['service:shop/frontend', 'service:shop/checkout'] },
        { name: 'target', type: FieldType.string, values: ['service:shop/checkout', 'service:shop/payments'] },
        { name: 'mainstat', type: FieldType.number, values: [40, 2000] },
        { name: 'secondarystat', type: FieldType.number, values: [0.001, 0.08] },
        { name: 'detail__type', type: FieldType.string, values: ['calls', 'calls'] },
      ],
    }),
  ];
}

function node(
  id: string,
  type: string,
  title: string,
  stats: Record<string, number> = {},
  status: TopologyNode['health']['status'] = 'ok'
): TopologyNode {
  return {
    id,
    type,
    level: 'asset',
    title,
    subtitle: type,
    virtual: false,
    health: { status },
    stats,
    firstSeen: 0,
    lastSeen: 0,
  };
}

const edge = (source: string, target: string, type: string) => ({
  id: `${source}-${type}-${target}`,
  source,
  target,
  type,
  stats: {},
  firstSeen: 0,
  lastSeen: 0,
});

/**
 * One site, one room, one row of four racks: r1 cool and light, r2 warm and loaded, r3 hot and
 * nearly full, r4 empty (no data); crac-1 cools r1 and r2, crac-2 cools r3 and r4.
 */
export function infraTopology(): Topology {
  const racks = [
    ['r1', { power_watts: 4000, capacity_watts: 10000 }, 24],
    ['r2', { power_watts: 8500, capacity_watts: 10000 }, 29],
    ['r3', { power_watts: 9800, capacity_watts: 10000 }, 34],
  ] as const;
  return {
    nodes: [
      node('site:dc1', 'site', 'dc1'),
      node('room:dc1/a', 'room', 'Hall A'),
      node('row:dc1/a/1', 'row', 'Row 1'),
      ...racks.map(([r, stats]) => node(`rack:${r}`, 'rack', r, { ...stats })),
      node('rack:r4', 'rack', 'r4'),
      ...racks.map(([r, , inlet]) =>
        node(`host:${r}-s1`, 'host', `${r}-s1`, { inlet_celsius: inlet, power_watts: 400 })
      ),
      node('crac:1', 'crac', 'crac-1'),
      node('crac:2', 'crac', 'crac-2'),
    ],
    edges: [
      edge('site:dc1', 'room:dc1/a', 'contains'),
      edge('room:dc1/a', 'row:dc1/a/1', 'contains'),
      edge('room:dc1/a', 'crac:1', 'contains'),
      edge('room:dc1/a', 'crac:2', 'contains'),
      ...['r1', 'r2', 'r3', 'r4'].map((r) => edge('row:dc1/a/1', `rack:${r}`, 'contains')),
      ...racks.map(([r]) => edge(`rack:${r}`, `host:${r}-s1`, 'contains')),
      edge('crac:1', 'rack:r1', 'cools'),
      edge('crac:1', 'rack:r2', 'cools'),
      edge('crac:2', 'rack:r3', 'cools'),
      edge('crac:2', 'rack:r4', 'cools'),
    ],
  };
}

const START = Date.UTC(2026, 0, 1, 12);
const kpis = (it: number, pue: number) => ({
  itEnergyKwh: it,
  coolingEnergyKwh: it * (pue - 1),
  pue,
  carbonKg: it * 0.2,
  meanItPowerWatts: it * 1000,
  meanCoolingPowerWatts: it * 1000 * (pue - 1),
  peakInletCelsius: 25,
  errorBudgetBurn: {},
});

/** crac:1 failed: r2's server overheats 20 minutes in (the baseline never does). */
export function simulationResult(): SimulationResult {
  return {
    start: START,
    stepSeconds: 600,
    timestamps: [0, 1, 2, 3].map((i) => START + i * 600_000),
    series: [
      {
        entity: 'host:r2-s1',
        signal: 'inlet.temperature',
        unit: 'Cel',
        baseline: [29, 29, 29, 29],
        predicted: [29, 31, 33, 35],
      },
    ],
    violations: [
      {
        kind: 'inlet_above_allowable',
        entity: 'host:r2-s1',
        signal: 'inlet.temperature',
        limit: 32,
        onset: START + 1_200_000,
        peak: 35,
        baselineOnset: null,
      },
    ],
    kpis: { baseline: kpis(10, 1.5), predicted: kpis(10, 1.2) },
    affected: { entities: ['crac:1', 'host:r2-s1'], relations: [] },
    unmodelled: [],
  };
}

/** Two saved scenarios: a CRAC failure with a change the controls cannot show, and double load. */
export function savedScenarios(): SavedScenario[] {
  return [
    {
      name: 'crac-1-down',
      version: 3,
      updatedAt: START,
      updatedBy: 'api',
      scenario: {
        horizon_seconds: 7200,
        step_seconds: 120,
        changes: [
          { type: 'fail', target: 'crac:1' },
          { type: 'set', target: 'crac:2', property: 'setpoint_celsius', value: 20 },
          { type: 'network', from: 'service:shop/checkout', to: 'service:shop/payments', latency_ms: 50 },
        ],
      },
    },
    {
      name: 'double-load',
      version: 1,
      updatedAt: START + 60_000,
      updatedBy: 'api',
      scenario: { horizon_seconds: 3600, step_seconds: 60, changes: [{ type: 'scale_load', factor: 2 }] },
    },
  ];
}

/** A TwinClient whose every method is a jest.fn answering fixtures. */
export function fakeClient(overrides: Partial<Record<keyof TwinClient, jest.Mock>> = {}): jest.Mocked<TwinClient> {
  const client = {
    health: jest.fn().mockResolvedValue({ status: 'ok' }),
    status: jest.fn().mockResolvedValue({ name: 'twinops', version: '0', api: 'v1' }),
    topology: jest.fn().mockResolvedValue(infraTopology()),
    listEntities: jest.fn().mockResolvedValue({ total: 0, items: [] }),
    getEntity: jest.fn().mockImplementation(async (id: string) => ({
      id,
      type: 'service',
      level: 'system',
      name: id.split('/').pop() ?? id,
      attributes: {},
      desired: {},
      firstSeen: 0,
      lastSeen: 0,
      health: { score: 0.25, status: 'failing', reasons: [{ kind: 'errors', message: 'error ratio 8 % above 5 %' }] },
      signals: [
        {
          name: 'service.error_ratio',
          unit: '1',
          kind: 'gauge',
          latest: { t: START, v: 0.08 },
          anomaly: { t: START, score: 4, flag: true },
        },
        { name: 'service.requests', unit: '{request}/s', kind: 'gauge', latest: { t: START, v: 40 } },
      ],
      relations: [],
      events: { countsBySeverity: {}, latestErrors: [] },
    })),
    signals: jest.fn().mockImplementation(async (p: { entity: string; name: string }) => ({
      entity: p.entity,
      name: p.name,
      unit: '1',
      points: [
        { t: START, v: 1 },
        { t: START + 60_000, v: 3 },
        { t: START + 120_000, v: 2 },
      ],
    })),
    forecast: jest
      .fn()
      .mockRejectedValue(Object.assign(new Error('TwinOps collector: 409 history too short'), { status: 409 })),
    anomalies: jest.fn().mockResolvedValue({
      items: [{ entity: 'x', signal: 'service.error_ratio', t: START, score: 4.5, value: 0.08 }],
    }),
    rootCause: jest.fn().mockResolvedValue({
      items: [
        {
          entity: 'service:shop/payments',
          score: 0.9,
          path: ['service:shop/payments', 'service:shop/checkout'],
          anomalous: true,
          explains: [],
          signals: [],
        },
      ],
    }),
    runSimulation: jest.fn().mockResolvedValue({ id: 'sim-1', status: 'queued', submittedAt: START }),
    runScenario: jest.fn(),
    saveScenario: jest.fn().mockImplementation(async (name: string, scenario: Record<string, unknown>) => ({
      name,
      version: 1,
      updatedAt: START,
      updatedBy: 'api',
      scenario,
    })),
    listScenarios: jest.fn().mockResolvedValue({ items: savedScenarios() }),
    getScenario: jest.fn(),
    deleteScenario: jest.fn().mockResolvedValue(undefined),
    getSimulation: jest
      .fn()
      .mockResolvedValue({ id: 'sim-1', status: 'done', submittedAt: START, result: simulationResult() }),
    events: jest.fn().mockResolvedValue({
      items: [
        {
          entity: 'x',
          t: START,
          severityNumber: 17,
          severityText: 'ERROR',
          message: 'payment gateway timeout',
          attributes: {},
        },
      ],
    }),
    audit: jest.fn().mockResolvedValue({ items: [] }),
    streamUrl: jest.fn().mockReturnValue(''),
    ...overrides,
  };
  return client as unknown as jest.Mocked<TwinClient>;
}

/** jsdom has no ResizeObserver and no canvas; @grafana/ui's Combobox measures itself and its text with them. */
export function installDomStubs(): void {
  if (typeof window.ResizeObserver === 'undefined') {
    Object.defineProperty(window, 'ResizeObserver', {
      value: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  }
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    value: () => ({ font: '', measureText: (text: string) => ({ width: text.length * 7 }) }),
  });
}
