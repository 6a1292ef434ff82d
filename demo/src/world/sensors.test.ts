import { createRandom } from '../random';
import { createDataCenterLayout } from './layout';
import { settle, stepWorld } from './physics';
import { readSensors, TEMPERATURE_NOISE_KELVIN } from './sensors';
import { applyWorldEvent } from './world-events';
import { coldWorldState, createWorldModel } from './world-state';

const model = createWorldModel(createDataCenterLayout());
const load = { hostLoad: new Map(model.layout.hosts.map((h) => [h.name, { cpuUtilization: 0.4 }])) };
const settled = settle(coldWorldState(model), load);

describe('readSensors', () => {
  it('adds zero-mean Gaussian noise of the stated deviation', () => {
    const random = createRandom(11).fork('sensors');
    const errors: number[] = [];
    for (let n = 0; n < 500; n++) {
      const r = readSensors(settled, random);
      r.hosts.forEach((h, i) => errors.push(h.inletCelsius - settled.hosts[i].sensedInletCelsius));
    }
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    const sd = Math.sqrt(errors.reduce((a, b) => a + (b - mean) ** 2, 0) / errors.length);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(sd).toBeGreaterThan(TEMPERATURE_NOISE_KELVIN * 0.98);
    expect(sd).toBeLessThan(TEMPERATURE_NOISE_KELVIN * 1.02);
  });

  it('is deterministic for a seed', () => {
    expect(readSensors(settled, createRandom(5))).toEqual(readSensors(settled, createRandom(5)));
    expect(readSensors(settled, createRandom(5))).not.toEqual(readSensors(settled, createRandom(6)));
  });

  it('lags the true temperature by the sensor time constant', () => {
    const failed = applyWorldEvent(settled, { kind: 'crac_failure', crac: 'crac-a1' });
    const later = stepWorld(failed, load, 60);
    const i = model.layout.racks[0].hostIndexes[6];
    expect(later.hosts[i].sensedInletCelsius).toBeLessThan(later.hosts[i].inletCelsius);
    expect(later.hosts[i].sensedInletCelsius).toBeGreaterThan(settled.hosts[i].sensedInletCelsius);
    expect(later.cracs[0].sensedSupplyCelsius).toBeLessThan(later.cracs[0].supplyCelsius);
  });
});
