import { findViolations, violationRules } from './violations';
import type { DataCenterPhysics } from '../../physics';
import type { Trajectory } from './run-once';

const T0 = 1_700_000_000_000;

function trajectory(series: Record<string, number[]>): Trajectory {
  const values = new Map<string, Float64Array>();
  const meta = new Map<string, { entity: string; signal: string; unit: string }>();
  for (const [key, xs] of Object.entries(series)) {
    const [entity, signal] = key.split('|');
    values.set(key, Float64Array.from(xs));
    meta.set(key, { entity, signal, unit: '' });
  }
  const length = Object.values(series)[0].length;
  return { timestamps: Array.from({ length }, (_, k) => T0 + k * 60_000), peakInletCelsius: NaN, values, meta };
}

const physics = {
  cracs: [{ id: 'crac:c1', capacityWatts: 10_000 }],
  pdus: [{ id: 'pdu:p1', capacityWatts: 5_000 }],
} as unknown as DataCenterPhysics;

describe('findViolations', () => {
  it('finds each limit crossed with its onset and peak, earliest first (then by entity)', () => {
    const rules = violationRules({ horizon_seconds: 240, step_seconds: 60, changes: [], objectives: { latency_p95_seconds: { 'service:cart': 0.2 } } }, physics);
    const found = findViolations(
      trajectory({
        'host:h1|inlet.temperature': [24, 26, 27, 28, 33],
        'host:h2|inlet.temperature': [20, 20, 20, 20, 20],
        'host:h1|system.cpu.utilization': [0.5, 0.95, 0.5, 0.5, 0.5],
        'service:cart|service.latency_p95_seconds': [0.1, 0.1, 0.1, 0.25, 0.1],
        'service:cart|service.error_ratio': [0, 0, 0, 0, 0.02],
        'service:cart|service.utilization': [0.5, 1, 0.5, 0.5, 0.5],
        'crac:c1|crac.load': [9000, 9995, 10_000, 10_000, 10_000],
        'pdu:p1|pdu.power': [4000, 4000, 5000, 5001, 4000],
      }),
      rules,
    );
    const at = (k: number) => T0 + k * 60_000;
    expect(found.map((v) => [v.kind, v.entity, v.onset, v.peak, v.limit])).toEqual([
      // 9,995 W is 99.95 % of 10 kW: at capacity (the model clamps there).
      ['crac_capacity', 'crac:c1', at(1), 10_000, 10_000],
      ['cpu_high', 'host:h1', at(1), 0.95, 0.9],
      ['service_capacity', 'service:cart', at(1), 1, 1],
      // 27 °C itself is within the recommended range.
      ['inlet_above_recommended', 'host:h1', at(3), 33, 27],
      ['pdu_capacity', 'pdu:p1', at(3), 5001, 5000],
      ['latency_objective', 'service:cart', at(3), 0.25, 0.2],
      ['inlet_above_allowable', 'host:h1', at(4), 33, 32],
      ['error_objective', 'service:cart', at(4), 0.02, 0.01],
    ]);
  });
});
