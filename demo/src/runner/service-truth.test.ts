import { defaultShopCatalog } from '../shop';
import type { InstanceStep, ShopStep } from '../shop';
import { serviceTruth, weightedQuantile } from './service-truth';

const point = (seconds: number, weight: number) => ({ seconds, weight });

describe('weightedQuantile', () => {
  it.each([
    [[], 0.95, null],
    [[point(1, 0)], 0.95, null],
    [[point(3, 1), point(1, 1), point(2, 1), point(4, 1)], 0.5, 2],
    [[point(3, 1), point(1, 1), point(2, 1), point(4, 1)], 0.95, 4],
    [[point(0.1, 95), point(2, 5)], 0.95, 0.1],
    [[point(0.1, 94), point(2, 6)], 0.95, 2],
  ])('of %j at %p is %p', (points, q, expected) => {
    expect(weightedQuantile(points, q)).toBe(expected);
  });
});

describe('serviceTruth', () => {
  const instance = (id: string, service: InstanceStep['service'], up: boolean, requests: number, errors: number, samples: number[]): InstanceStep => ({
    id, service, host: 'r01-s1', up, utilization: 0, busyCores: 0, memoryBytes: 0,
    operations: [{ operation: 'op', requests, errors, latencySamples: samples.map((durationSeconds) => ({ durationSeconds, error: false })) }],
  });
  const step: ShopStep = {
    entryRequests: {}, dependencies: [], traces: [], events: [],
    instances: [instance('cart-1', 'cart', true, 90, 9, [0.01, 0.02]), instance('cart-2', 'cart', false, 10, 1, [0.5])],
  };

  it('gives rate, error ratio and the request-weighted p95 per service', () => {
    const truth = serviceTruth(step, 10, defaultShopCatalog());
    // Weights: 45 and 45 for cart-1's samples, 10 for cart-2's: 95 % of 100 is reached at 0.5.
    expect(truth.find((s) => s.name === 'cart')).toEqual({ name: 'cart', instances: 2, instancesUp: 1, requestsPerSecond: 10, errorRatio: 0.1, latencyP95Seconds: 0.5 });
    expect(truth.find((s) => s.name === 'payment')).toEqual({ name: 'payment', instances: 0, instancesUp: 0, requestsPerSecond: 0, errorRatio: 0, latencyP95Seconds: null });
    expect(serviceTruth(undefined, 10, defaultShopCatalog()).map((s) => s.name)).toEqual(defaultShopCatalog().services.map((s) => s.name));
  });
});
