import { SERVER_MODELS } from './layout';
import { computePowerWatts, fanPowerWatts, fanSpeedFor, loadCurve, thermalResistanceKelvinPerWatt, throttleFactorFor } from './server-power';

const compute = SERVER_MODELS[1];

describe('server power', () => {
  it.each([
    [0, 0],
    [0.5, 0.85 * 0.5 ** 0.9 + 0.15 * 0.25],
    [1, 1],
    [1.5, 1],
  ])('load curve f(%p) = %p', (u, f) => expect(loadCurve(u)).toBeCloseTo(f, 12));

  it('reaches the model peak at full load and full fan, idle at zero load with fans off', () => {
    expect(computePowerWatts(compute, 1, 1) + fanPowerWatts(compute, 1)).toBe(500);
    expect(computePowerWatts(compute, 0, 1)).toBe(150);
    expect(fanPowerWatts(compute, 0.5)).toBe(5);
  });

  it.each([
    [40, false, 0.3],
    [55, false, 0.5],
    [80, false, 1],
    [80, true, 0],
  ])('fan speed at %p °C (failed %p) is %p', (t, failed, s) => expect(fanSpeedFor(t, failed)).toBeCloseTo(s, 12));

  it.each([
    [80, 1],
    [90, 0.8],
    [200, 0.3],
  ])('throttle factor at %p °C is %p', (t, f) => expect(throttleFactorFor(t)).toBeCloseTo(f, 12));

  it('cools worse as the fan slows', () => {
    expect(thermalResistanceKelvinPerWatt(0)).toBeCloseTo(0.27, 12);
    expect(thermalResistanceKelvinPerWatt(1)).toBeLessThan(thermalResistanceKelvinPerWatt(0.3));
  });
});
