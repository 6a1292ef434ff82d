import { InMemoryMetricsRegistry, createTwin, defaultTwinModelConfig } from '../../model';
import type { Twin } from '../../model';
import { rankTwinRootCauses, twinCorrelations, twinDependencies } from './twin-root-causes';

const T0 = 1_700_000_000_000;

function shop(): Twin {
  const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => T0 + 600_000 }, metrics: new InMemoryMetricsRegistry() });
  for (const [id, type, level] of [
    ['service:frontend', 'service', 'system'],
    ['service:cart', 'service', 'system'],
    ['host:h1', 'host', 'asset'],
    ['rack:dc/r1', 'rack', 'asset'],
    ['crac:dc/c1', 'crac', 'asset'],
    ['service:unrelated', 'service', 'system'],
  ] as const) {
    twin.upsertEntity({ id, type, level });
  }
  twin.upsertRelation('service:frontend', 'service:cart', 'calls');
  twin.upsertRelation('service:cart', 'host:h1', 'runs_on');
  twin.upsertRelation('rack:dc/r1', 'host:h1', 'contains');
  twin.upsertRelation('crac:dc/c1', 'rack:dc/r1', 'cools');
  // 60 buckets of 10 s; cart slows from bucket 40, frontend (its caller) from bucket 42.
  for (let i = 0; i < 60; i++) {
    const t = T0 + i * 10_000;
    const wobble = 0.001 * Math.sin(i);
    twin.recordSignal('service:cart', 'latency', 's', 'gauge', t, 0.05 + wobble + (i >= 40 ? 0.2 : 0));
    twin.recordSignal('service:frontend', 'latency', 's', 'gauge', t, 0.1 + wobble + (i >= 42 ? 0.2 : 0));
    twin.recordSignal('host:h1', 'cpu', '1', 'gauge', t, 0.3 + 0.01 * Math.cos(i));
    twin.recordSignal('service:unrelated', 'latency', 's', 'gauge', t, 0.05 + wobble + (i >= 38 ? 0.5 : 0));
  }
  return twin;
}

describe('root causes on the twin', () => {
  it('turns relations into dependencies: callers need callees, hosts their racks, racks their CRACs', () => {
    const twin = shop();
    expect(twinDependencies(twin, twin.topology().edges)).toEqual([
      { from: 'service:frontend', to: 'service:cart' },
      { from: 'service:cart', to: 'host:h1' },
      { from: 'host:h1', to: 'rack:dc/r1' },
      { from: 'rack:dc/r1', to: 'crac:dc/c1' },
    ]);
  });

  it('ranks the callee whose slowdown began first above its caller, and ignores what the symptom does not depend on', () => {
    const ranked = rankTwinRootCauses(shop(), { entity: 'service:frontend', signal: 'latency', at: T0 + 590_000, windowMs: 600_000 });
    expect(ranked[0]).toMatchObject({ node: 'service:cart', path: ['service:cart', 'service:frontend'], anomalous: true, onset: T0 + 400_000 });
    expect(ranked.find((c) => c.node === 'service:frontend')).toMatchObject({ explainedBy: 'service:cart' });
    expect(ranked.map((c) => c.node)).not.toContain('service:unrelated');
    expect(ranked.map((c) => c.node).sort()).toEqual(['crac:dc/c1', 'host:h1', 'rack:dc/r1', 'service:cart', 'service:frontend']);
  });

  it('finds the signals that moved with one, with their lag', () => {
    const found = twinCorrelations(shop(), { entity: 'service:frontend', signal: 'latency', from: T0, to: T0 + 590_000, maxLagMs: 30_000, limit: 3 });
    // cart led frontend by two buckets; the unrelated service's jump is 40 s earlier, beyond the lags tried.
    expect(found?.[0]).toMatchObject({ id: 'service:cart|latency', lag: 20_000 });
    expect(found?.[0].correlation).toBeGreaterThan(0.9);
    expect(Math.abs(found?.[1].correlation ?? 1)).toBeLessThan(0.5);
    expect(twinCorrelations(shop(), { entity: 'service:frontend', signal: 'nothing', from: T0, to: T0 + 1, maxLagMs: 0, limit: 1 })).toBeUndefined();
  });

  describe('on a data center and its shop', () => {
    /** frontend → cart (instance cart-1 on host h1, with its fan) ; h1 in rack r1, fed by PDU p1, cooled by CRAC c1. */
    function hall(): Twin {
      const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => T0 + 600_000 }, metrics: new InMemoryMetricsRegistry() });
      for (const [id, type, level] of [
        ['service:frontend', 'service', 'system'],
        ['service:cart', 'service', 'system'],
        ['instance:cart/cart-1', 'instance', 'process'],
        ['host:h1', 'host', 'asset'],
        ['hw:h1/fan', 'hw', 'component'],
        ['rack:dc/r1', 'rack', 'asset'],
        ['pdu:dc/p1', 'pdu', 'asset'],
        ['crac:dc/c1', 'crac', 'asset'],
      ] as const) {
        twin.upsertEntity({ id, type, level });
      }
      twin.upsertRelation('service:frontend', 'service:cart', 'calls');
      twin.upsertRelation('service:cart', 'instance:cart/cart-1', 'contains');
      twin.upsertRelation('instance:cart/cart-1', 'host:h1', 'runs_on');
      twin.upsertRelation('host:h1', 'hw:h1/fan', 'contains');
      twin.upsertRelation('rack:dc/r1', 'host:h1', 'contains');
      twin.upsertRelation('pdu:dc/p1', 'rack:dc/r1', 'powers');
      twin.upsertRelation('crac:dc/c1', 'rack:dc/r1', 'cools');
      return twin;
    }

    /** 60 buckets of 10 s: `step(i)` is 1 from bucket `from` on. */
    function record(twin: Twin, entity: string, name: string, base: number, rise: number, from: number): void {
      for (let i = 0; i < 60; i++) twin.recordSignal(entity, name, '1', 'gauge', T0 + i * 10_000, base + 0.01 * base * Math.sin(i) + (i >= from ? rise : 0));
    }

    it('judges an instance with its service: a release that slows the replicas is the service, not the host under it', () => {
      const twin = hall();
      record(twin, 'service:frontend', 'latency', 0.1, 0.2, 40);
      record(twin, 'instance:cart/cart-1', 'http.server.request.duration.p95', 0.05, 0.2, 40);
      // The busier replica warms its host, with headroom, and draws more through the PDU: demand, not cause.
      record(twin, 'host:h1', 'system.cpu.utilization', 0.2, 0.2, 40);
      record(twin, 'host:h1', 'hw.host.power', 200, 60, 40);
      record(twin, 'pdu:dc/p1', 'hw.host.power', 3000, 60, 40);
      const ranked = rankTwinRootCauses(twin, { entity: 'service:frontend', signal: 'latency', at: T0 + 590_000, windowMs: 600_000 });
      expect(ranked.map((c) => [c.node, c.anomalous])).toEqual([
        ['service:cart', true],
        ['service:frontend', true],
        ['host:h1', false],
        ['rack:dc/r1', false],
        ['crac:dc/c1', false],
        ['pdu:dc/p1', false],
      ]);
      expect(ranked[0]).toMatchObject({ path: ['service:cart', 'service:frontend'], onset: T0 + 400_000, explains: ['service:cart', 'service:frontend'] });
      expect(ranked[0].signals.map((s) => [s.entity, s.metric])).toEqual([['instance:cart/cart-1', 'http.server.request.duration.p95']]);
      expect(ranked[1].explainedBy).toBe('service:cart');
    });

    it('judges a component with its asset, and sees a host that crashed, through its rack, under the service', () => {
      const twin = hall();
      record(twin, 'service:frontend', 'latency', 0.1, 0.2, 40);
      record(twin, 'instance:cart/cart-1', 'http.server.request.duration.p95', 0.05, 0.2, 40);
      record(twin, 'hw:h1/fan', 'hw.fan.speed', 4000, -4000, 39);
      record(twin, 'host:h1', 'hw.host.power', 200, -190, 40);
      const ranked = rankTwinRootCauses(twin, { entity: 'service:frontend', signal: 'latency', at: T0 + 590_000, windowMs: 600_000 });
      expect(ranked.slice(0, 3).map((c) => [c.node, c.explainedBy ?? null])).toEqual([
        ['host:h1', null],
        ['service:cart', 'host:h1'],
        ['service:frontend', 'service:cart'],
      ]);
      expect(ranked[0]).toMatchObject({ path: ['host:h1', 'service:cart', 'service:frontend'], onset: T0 + 390_000 });
      expect(ranked[0].signals.map((s) => [s.entity, s.metric])).toEqual([
        ['hw:h1/fan', 'hw.fan.speed'],
        ['host:h1', 'hw.host.power'],
      ]);
    });
  });
});

