import { erlangC, mmcMeanWaitSeconds } from './erlang-c';
import { solveServices } from './solve-services';
import type { ServiceGraphPhysics, ServiceInputs, ServicePhysics } from './service-types';

const none = (): ServiceInputs => ({ loadFactor: {}, siteLoadFactor: 1, instanceUp: {}, instanceCount: {}, serviceTimeFactor: {}, extraLatencySeconds: {}, edgeCapacityPerSecond: {} });

/** A service whose observations are exactly those of M/M/c queues (rates and latencies on one time scale). */
function service(id: string, options: { rate: number; seconds: number; cores?: number; instances?: number; calls?: ServicePhysics['calls']; entry?: boolean; callee?: number; p95Ratio?: number; errorRatio?: number }): ServicePhysics {
  const cores = options.cores ?? 1;
  const count = options.instances ?? 1;
  const share = options.rate / count;
  const own = options.seconds + mmcMeanWaitSeconds(cores, share, options.seconds);
  const mean = own + (options.callee ?? 0);
  return {
    id,
    instances: Array.from({ length: count }, (_, i) => ({ id: `${id}-${i + 1}`, hostId: `host:${id}-${i + 1}`, cores, up: true })),
    requestsPerSecond: options.rate,
    ownServiceSeconds: options.seconds,
    serviceFit: { samples: 0, r2: null, rmse: null, source: 'prior' },
    calls: options.calls ?? [],
    latencyMeanSeconds: mean,
    latencyP95Seconds: mean * (options.p95Ratio ?? 3),
    errorRatio: options.errorRatio ?? 0,
    entry: options.entry ?? false,
    ownLatencySeconds: own,
  };
}

const graph = (...services: ServicePhysics[]): ServiceGraphPhysics => ({ at: 0, services, hostBusyCores: { 'host:batch': 3 } });

describe('solveServices', () => {
  it('returns the observed figures when nothing changes', () => {
    const model = graph(service('a', { rate: 5, seconds: 0.1, entry: true, p95Ratio: 2.5, errorRatio: 0.01 }));
    const solved = solveServices(model, none());
    expect(solved.services.a.requestsPerSecond).toBe(5);
    expect(solved.services.a.latencyMeanSeconds).toBeCloseTo(0.2, 12);
    expect(solved.services.a.latencyP95Seconds).toBeCloseTo(0.5, 12);
    expect(solved.services.a.errorRatio).toBeCloseTo(0.01, 12);
    expect(solved.services.a.utilization).toBeCloseTo(0.5, 12);
    expect(solved.instanceBusyCores).toEqual({ 'a-1': 0.5 });
    expect(solved.hostBusyCores).toEqual({ 'host:batch': 3, 'host:a-1': 0.5 });
  });

  it('M/M/1: mean = s + ρ/(μ − λ) at the new load, p95 keeps the observed p95/mean ratio', () => {
    // Observed λ = 5/s, s = 0.1 s: mean 0.2 s. At λ = 8/s: 0.1 + 0.8/(10 − 8) = 0.5 s.
    const model = graph(service('a', { rate: 5, seconds: 0.1, entry: true }));
    const solved = solveServices(model, { ...none(), siteLoadFactor: 1.6 });
    expect(solved.services.a.requestsPerSecond).toBeCloseTo(8, 12);
    expect(solved.services.a.latencyMeanSeconds).toBeCloseTo(0.5, 12);
    expect(solved.services.a.latencyP95Seconds).toBeCloseTo(1.5, 12);
    expect(solved.services.a.utilization).toBeCloseTo(0.8, 12);
    expect(solved.services.a.saturated).toBe(false);
  });

  it('M/M/c: mean = s + C(c, a) / (c·μ − λ), with C from Erlang C', () => {
    // Two cores, s = 0.1 s; observed at λ = 5/s, asked at λ = 15/s (a = 1.5).
    const model = graph(service('a', { rate: 5, seconds: 0.1, cores: 2, entry: true }));
    const solved = solveServices(model, { ...none(), loadFactor: { a: 3 } });
    expect(solved.services.a.latencyMeanSeconds).toBeCloseTo(0.1 + erlangC(2, 1.5) / (20 - 15), 12);
    expect(solved.instanceBusyCores['a-1']).toBeCloseTo(1.5, 12);
  });

  it('conserves flow down the call graph: each callee receives Σ callers’ rate × calls per request', () => {
    const model = graph(
      service('a', { rate: 10, seconds: 0.01, entry: true, calls: [{ to: 'b', perRequest: 2 }, { to: 'd', perRequest: 1 }] }),
      service('b', { rate: 20, seconds: 0.01, calls: [{ to: 'c', perRequest: 0.5 }, { to: 'd', perRequest: 0.25 }] }),
      service('c', { rate: 10, seconds: 0.01 }),
      service('d', { rate: 15, seconds: 0.01, cores: 4 }),
    );
    const solved = solveServices(model, { ...none(), siteLoadFactor: 3 });
    const rate = (id: string) => solved.services[id].requestsPerSecond;
    expect(rate('a')).toBeCloseTo(30, 12);
    expect(rate('b')).toBeCloseTo(2 * rate('a'), 12);
    expect(rate('c')).toBeCloseTo(0.5 * rate('b'), 12);
    expect(rate('d')).toBeCloseTo(rate('a') + 0.25 * rate('b'), 12);
    // Busy cores are the served rate times the service time.
    expect(solved.instanceBusyCores['d-1']).toBeCloseTo(rate('d') * 0.01, 12);
  });

  it('a saturated callee fails its surplus, and the errors reach its callers', () => {
    // b: one core, s = 0.05 s, capacity 20/s; observed at 8/s, asked at 32/s.
    const model = graph(
      service('a', { rate: 8, seconds: 0.001, cores: 8, entry: true, calls: [{ to: 'b', perRequest: 1 }], callee: 0.05 + mmcMeanWaitSeconds(1, 8, 0.05) }),
      service('b', { rate: 8, seconds: 0.05 }),
    );
    const solved = solveServices(model, { ...none(), siteLoadFactor: 4 });
    const failed = 1 - (0.99 * 20) / 32;
    expect(solved.services.b.saturated).toBe(true);
    expect(solved.services.b.errorRatio).toBeCloseTo(failed, 12);
    expect(solved.services.b.utilization).toBeCloseTo(0.99, 12);
    expect(solved.services.a.saturated).toBe(false);
    expect(solved.services.a.errorRatio).toBeCloseTo(failed, 12);
    expect(solved.services.a.latencyMeanSeconds).toBeGreaterThan(model.services[0].latencyMeanSeconds * 10);
  });

  it('asynchronous (messaging) callees carry load but no latency or errors back', () => {
    const model = graph(
      service('a', { rate: 8, seconds: 0.001, cores: 8, entry: true, calls: [{ to: 'q', perRequest: 1, type: 'messaging' }] }),
      service('q', { rate: 8, seconds: 0.05 }),
    );
    const solved = solveServices(model, { ...none(), siteLoadFactor: 4 });
    expect(solved.services.q.requestsPerSecond).toBeCloseTo(32, 12);
    expect(solved.services.q.errorRatio).toBeGreaterThan(0.3);
    expect(solved.services.a.errorRatio).toBe(0);
  });

  it('a down instance’s share fails; more instances share the load', () => {
    const model = graph(service('a', { rate: 10, seconds: 0.1, cores: 4, instances: 2, entry: true }));
    const down = solveServices(model, { ...none(), instanceUp: { 'a-2': false } });
    expect(down.services.a.errorRatio).toBeCloseTo(0.5, 12);
    expect(down.instanceBusyCores).toEqual({ 'a-1': 0.5, 'a-2': 0 });
    const scaled = solveServices(model, { ...none(), instanceCount: { a: 4 } });
    expect(Object.keys(scaled.instanceBusyCores)).toEqual(['a-1', 'a-2', 'a-1+1', 'a-2+1']);
    expect(scaled.instanceBusyCores['a-1+1']).toBeCloseTo(0.25, 12);
    expect(scaled.hostBusyCores['host:a-1']).toBeCloseTo(0.5, 12);
    expect(scaled.services.a.latencyMeanSeconds).toBeLessThan(model.services[0].latencyMeanSeconds);
  });

  it('edges: added latency per call, and calls beyond a capacity fail', () => {
    const model = graph(
      service('a', { rate: 10, seconds: 0.001, cores: 8, entry: true, calls: [{ to: 'b', perRequest: 2 }], callee: 2 * 0.01 }),
      service('b', { rate: 20, seconds: 0.001, cores: 8 }),
    );
    model.services[1].latencyMeanSeconds = 0.01;
    model.services[1].ownLatencySeconds = 0.01;
    const base = model.services[0].latencyMeanSeconds;
    const slow = solveServices(model, { ...none(), extraLatencySeconds: { 'a->b': 0.005 } });
    expect(slow.services.a.latencyMeanSeconds).toBeCloseTo(base + 2 * 0.005, 12);
    const capped = solveServices(model, { ...none(), edgeCapacityPerSecond: { 'a->b': 5 } });
    expect(capped.services.b.requestsPerSecond).toBeCloseTo(5, 12);
    // A quarter of the calls pass; a request making two calls succeeds with (1/4)².
    expect(capped.services.a.errorRatio).toBeCloseTo(1 - 0.25 ** 2, 12);
    const cut = solveServices(model, { ...none(), edgeCapacityPerSecond: { 'a->b': 0 } });
    expect(cut.services.a.errorRatio).toBe(1);
  });

  it('a service-time factor on a service, instance or host slows it down', () => {
    const model = graph(service('a', { rate: 5, seconds: 0.1, entry: true }));
    // s = 0.15 s at λ = 5/s: ρ = 0.75, mean = 0.15 + 0.75/(6.667 − 5).
    const expected = 0.15 + 0.75 / (1 / 0.15 - 5);
    for (const key of ['a', 'a-1', 'host:a-1']) {
      expect(solveServices(model, { ...none(), serviceTimeFactor: { [key]: 1.5 } }).services.a.latencyMeanSeconds).toBeCloseTo(expected, 12);
    }
  });
});
