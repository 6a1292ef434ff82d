/** Collector answers shaped as the demo collector sent them (trimmed), for tests. */
import type {
  AnomalyEvent,
  AuditRecord,
  EntityDetail,
  EntityList,
  EntityLogEvent,
  Forecast,
  RootCauseCandidate,
  SignalSeries,
  SimulationJob,
  Topology,
} from '../api';

export const T0 = 1795622040000;

export const topology: Topology = {
  nodes: [
    {
      id: 'service:shop/frontend',
      type: 'service',
      level: 'system',
      title: 'frontend',
      subtitle: 'shop',
      virtual: false,
      health: { status: 'ok', score: 1 },
      stats: { requests_per_second: 11736.28, error_ratio: 0, latency_p95_seconds: 0.0687 },
      firstSeen: T0,
      lastSeen: T0 + 1000,
    },
    {
      id: 'service:shop/checkout',
      type: 'service',
      level: 'system',
      title: 'checkout',
      subtitle: 'shop',
      virtual: false,
      parent: 'system:shop',
      health: { status: 'failing', score: 0.25 },
      stats: { requests_per_second: 175.2, error_ratio: 0.08, latency_p95_seconds: 0.9 },
      firstSeen: T0,
      lastSeen: T0 + 1000,
    },
    {
      id: 'user',
      type: 'user',
      level: 'system',
      title: 'user',
      subtitle: 'virtual user',
      virtual: true,
      health: { status: 'unknown' },
      stats: {},
      firstSeen: T0,
      lastSeen: T0,
    },
    {
      id: 'host:r01-s1',
      type: 'host',
      level: 'asset',
      title: 'r01-s1',
      subtitle: 'storage-2u',
      virtual: false,
      health: { status: 'degraded', score: 0.6 },
      stats: {},
      firstSeen: T0,
      lastSeen: T0,
    },
  ],
  edges: [
    {
      id: 'calls:user->service:shop/frontend',
      source: 'user',
      target: 'service:shop/frontend',
      type: 'calls',
      stats: {
        requests_per_second: 11736.28,
        failed_per_second: 0,
        error_ratio: 0,
        client_latency_p95_seconds: 0.0687,
        server_latency_p95_seconds: 0.0687,
      },
      firstSeen: T0,
      lastSeen: T0,
    },
    {
      id: 'runs_on:service:shop/checkout->host:r01-s1',
      source: 'service:shop/checkout',
      target: 'host:r01-s1',
      type: 'runs_on',
      stats: { instances: 1 },
      firstSeen: T0,
      lastSeen: T0,
    },
  ],
};

export const entities: EntityList = {
  total: 2,
  items: [
    {
      id: 'host:r01-s1',
      type: 'host',
      level: 'asset',
      name: 'r01-s1',
      attributes: { model: 'storage-2u', cores: 12 },
      desired: {},
      firstSeen: T0,
      lastSeen: T0 + 5,
      parent: 'rack:dc1/r01',
    },
    {
      id: 'site:dc1',
      type: 'site',
      level: 'system',
      name: 'Demo data center',
      attributes: {},
      desired: {},
      firstSeen: T0,
      lastSeen: T0,
    },
  ],
};

export const hostDetail: EntityDetail = {
  ...entities.items[0],
  signals: [
    { name: 'system.memory.utilization', unit: '1', kind: 'gauge' },
    { name: 'hw.host.power', unit: 'W', kind: 'gauge', latest: { t: T0, v: 210 } },
    { name: 'system.cpu.utilization', unit: '1', kind: 'gauge' },
  ],
  relations: [],
  events: { countsBySeverity: {}, latestErrors: [] },
};

export const cpuSeries: SignalSeries = {
  entity: 'host:r01-s1',
  name: 'system.cpu.utilization',
  unit: '1',
  points: [
    { t: T0 - 60000, v: 0.1157 },
    { t: T0, v: null },
  ],
};

export const forecast: Forecast = {
  entity: 'host:r01-s1',
  signal: 'hw.host.power',
  unit: 'W',
  model: 'holt-winters',
  level: 0.9,
  stepMs: 60000,
  points: [
    { t: T0 + 60000, v: 210, lower: 200, upper: 220 },
    { t: T0 + 120000, v: 240, lower: 215, upper: null },
  ],
  threshold: { limit: 230, direction: 'above', at: T0 + 120000, earliest: T0 + 90000, latest: T0 + 180000 },
};

export const anomalies: AnomalyEvent[] = [
  { entity: 'host:r01-s1', signal: 'hw.host.power', t: T0 + 120000, score: 0.97, value: 290.5 },
  { entity: 'crac:dc1/crac-a1', signal: 'hw.temperature', t: T0, score: 0.81, value: null },
  { entity: 'host:r01-s1', signal: 'hw.host.power', t: T0 + 60000, score: 0.9, value: 280 },
];

export const rootCause: RootCauseCandidate[] = [
  {
    entity: 'host:r01-s1',
    score: 0.8123,
    path: ['host:r01-s1', 'service:shop/checkout'],
    anomalous: true,
    onset: T0,
    explains: ['service:shop/checkout'],
    signals: [
      {
        entity: 'host:r01-s1',
        metric: 'system.cpu.utilization',
        strength: 4.21,
        onset: T0,
        correlation: 0.91,
        lag: 60000,
      },
      { entity: 'host:r01-s1', metric: 'hw.host.power', strength: 6.5, onset: T0, correlation: 0.5, lag: 0 },
      {
        entity: 'host:r01-s1',
        metric: 'system.memory.utilization',
        strength: 0.1,
        onset: null,
        correlation: 0.2,
        lag: -30000,
      },
      { entity: 'host:r01-s1', metric: 'disk', strength: 2, onset: null, correlation: 0.3, lag: 0 },
    ],
  },
  {
    entity: 'service:shop/checkout',
    score: 0.1,
    path: ['service:shop/checkout'],
    anomalous: false,
    onset: null,
    explainedBy: 'host:r01-s1',
    explains: [],
    signals: [],
  },
];

const kpis = (it: number, burn: number) => ({
  itEnergyKwh: it,
  coolingEnergyKwh: 1.2,
  pue: 1.6,
  carbonKg: 1.25,
  meanItPowerWatts: 11328,
  meanCoolingPowerWatts: 7205,
  peakInletCelsius: 20.5,
  errorBudgetBurn: { 'service:shop/checkout': burn },
});

export const simulationDone: SimulationJob = {
  id: 'sim-1',
  status: 'done',
  submittedAt: T0,
  finishedAt: T0 + 65,
  result: {
    start: T0,
    stepSeconds: 60,
    timestamps: [T0, T0 + 60000],
    series: [
      { entity: 'host:r01-s1', signal: 'hw.host.power', unit: 'W', baseline: [200, 201], predicted: [250, 260] },
      {
        entity: 'database:redis/0',
        signal: 'service.requests_per_second',
        unit: '{request}/s',
        baseline: [3964, 3964],
        predicted: [7929, 7929],
        bands: { p5: [7000, 7100], p50: [7900, 7929], p95: [8500, 8600] },
      },
    ],
    violations: [
      {
        kind: 'cpu_high',
        entity: 'host:r01-s1',
        signal: 'system.cpu.utilization',
        limit: 0.9,
        onset: T0 + 60000,
        peak: 0.97,
        baselineOnset: null,
      },
      {
        kind: 'inlet_above_recommended',
        entity: 'rack:dc1/r01',
        signal: 'inlet.temperature',
        limit: 27,
        onset: T0,
        peak: 28.1,
        baselineOnset: T0,
      },
    ],
    kpis: { baseline: kpis(1.888, 0), predicted: kpis(1.905, 2.5) },
    affected: { entities: ['host:r01-s1'], relations: [] },
    unmodelled: [],
  },
};

export const logEvents: EntityLogEvent[] = [
  {
    entity: 'service:shop/checkout',
    t: T0 + 30000,
    severityNumber: 17,
    severityText: 'ERROR',
    message: 'payment timed out',
    attributes: {},
  },
  { entity: 'host:r01-s1', t: T0, severityNumber: 13, severityText: 'WARN', message: 'fan speed low', attributes: {} },
];

export const auditRecords: AuditRecord[] = [
  { seq: 7, t: T0 + 45000, actor: 'api', action: 'set desired fan.speed', target: 'host:r01-s1', detail: {} },
  { seq: 6, t: T0 - 9_999_999, actor: 'api', action: 'save scenario', target: 'scenario:x', detail: {} },
];
