import { createTraceState } from '@opentelemetry/api';
import { samplingThreshold, samplingTraceState } from './sampling-threshold';

/** The collector's reading of `th` (collector/src/ingest/service-graph/sampling-weight.ts): (2^56 - T) / 2^56, T padded right to 14 digits. */
const parsed = (hex: string): number => {
  expect(hex).toMatch(/^[0-9a-f]{1,14}$/);
  return Number(2n ** 56n - BigInt(`0x${hex.padEnd(14, '0')}`)) / 2 ** 56;
};

describe('samplingThreshold', () => {
  it.each([
    [1, '0'],
    [0.75, '4'],
    [0.5, '8'],
    [0.25, 'c'],
    [0.125, 'e'],
    [1 / 3, 'aaaaaaaaaaaaac'],
    [0.1, 'e6666666666666'],
    [1 / 60, 'fbbbbbbbbbbbbc'],
    [0.01, 'fd70a3d70a3d71'],
    [0.001, 'ffbe76c8b43958'],
    [2 ** -56, 'ffffffffffffff'],
  ])('encodes p = %p as th:%s', (probability, hex) => {
    expect(samplingThreshold(probability)).toBe(hex);
  });

  it.each([
    [2, '0'],
    [1e-30, 'ffffffffffffff'],
  ])('clamps p = %p into the encodable range: %s', (probability, hex) => {
    expect(samplingThreshold(probability)).toBe(hex);
  });

  it.each([0, -0.5, Number.NaN])('rejects p = %p', (probability) => {
    expect(() => samplingThreshold(probability)).toThrow(`samplingThreshold: probability must be > 0, got ${probability}`);
  });

  it.each([1, 0.9, 0.5, 0.3, 1 / 7, 0.01, 1 / 1234, 1e-6, 3e-9])('round-trips p = %p through the collector’s parser', (probability) => {
    const back = parsed(samplingThreshold(probability));
    expect(Math.abs(back - probability)).toBeLessThanOrEqual(2 ** -56);
    expect(Math.abs(1 / back / (1 / probability) - 1)).toBeLessThan(1e-9);
  });

  it('round-trips the dyadic probabilities exactly', () => {
    for (let k = 0; k <= 56; k++) expect(parsed(samplingThreshold(2 ** -k))).toBe(2 ** -k);
  });
});

describe('samplingTraceState', () => {
  it('serializes as the ot entry with the threshold', () => {
    expect(samplingTraceState(0.5).serialize()).toBe('ot=th:8');
    expect(samplingTraceState(1).get('ot')).toBe('th:0');
  });

  it('keeps the other vendors’ entries of a base state and puts ot first', () => {
    expect(samplingTraceState(0.25, createTraceState('vendor=x,ot=th:8')).serialize()).toBe('ot=th:c,vendor=x');
  });
});
