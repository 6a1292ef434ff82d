import { componentRole } from './component-role';

describe('componentRole', () => {
  it.each([
    ['hw:web-3/temp0', { 'hw.sensor_location': 'inlet' }, 'inlet'],
    ['hw:c2/t1', { 'hw.sensor_location': 'supply' }, 'supply'],
    ['hw:web-3/web-3-inlet', { 'hw.sensor_location': 'cpu' }, 'inlet'],
    ['hw:web-3/web-3-cpu', { 'hw.sensor_location': 'cpu' }, 'other'],
    ['hw:web-3/web-3-inlet', {}, 'inlet'],
    ['hw:c2/c2-supply', { 'hw.type': 'temperature' }, 'supply'],
    ['hw:c2/fan-inlet', { 'hw.type': 'fan' }, 'fan'],
    ['hw:web-3/chassis', { 'hw.type': 'enclosure' }, 'enclosure'],
    ['hw:web-3/web-3-fan', {}, 'fan'],
    ['hw:web-3/inlet-probe', {}, 'other'],
  ])('%s with %j is %s', (id, attributes, role) => {
    expect(componentRole({ id, attributes })).toBe(role);
  });
});
