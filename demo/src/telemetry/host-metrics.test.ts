import { SERVER_MODELS } from '../world';
import { SERVER_FAN_MAX_RPM, cracPoints, hostPoints, pduPoints } from './host-metrics';

const model = SERVER_MODELS[0];
const reading = { name: 'r01-s7', up: true, inletCelsius: 21.5, cpuCelsius: 55.25, powerWatts: 200, fanSpeedRatio: 0.5 };

describe('hostPoints', () => {
  it('maps the readings to semconv points', () => {
    expect(hostPoints(reading, { cpuUtilization: 0.25, memoryBytes: model.memoryBytes / 4 }, model, 0)).toEqual({
      'hw.temperature': [
        { value: 21.5, attributes: { 'hw.id': 'r01-s7-inlet', 'hw.type': 'temperature', 'hw.sensor_location': 'inlet' } },
        { value: 55.25, attributes: { 'hw.id': 'r01-s7-cpu', 'hw.type': 'temperature', 'hw.sensor_location': 'cpu' } },
      ],
      'hw.host.power': [{ value: 200, attributes: {} }],
      'hw.fan.speed': [{ value: 0.5 * SERVER_FAN_MAX_RPM, attributes: { 'hw.id': 'r01-s7-fan', 'hw.type': 'fan' } }],
      'hw.fan.speed_ratio': [{ value: 0.5, attributes: { 'hw.id': 'r01-s7-fan', 'hw.type': 'fan' } }],
      'hw.status': [
        { value: 1, attributes: { 'hw.id': 'r01-s7-enclosure', 'hw.type': 'enclosure', 'hw.state': 'ok' } },
        { value: 0, attributes: { 'hw.id': 'r01-s7-enclosure', 'hw.type': 'enclosure', 'hw.state': 'failed' } },
      ],
      'system.cpu.utilization': [{ value: 0.25, attributes: {} }],
      'system.memory.utilization': [{ value: 0.25, attributes: {} }],
    });
  });

  it('a crashed host reports failed and no OS metrics; an idle one its idle memory', () => {
    const down = hostPoints({ ...reading, up: false }, undefined, model, 0);
    expect(down['hw.status'].map((p) => [p.attributes['hw.state'], p.value])).toEqual([['ok', 0], ['failed', 1]]);
    expect(down['system.cpu.utilization']).toBeUndefined();
    expect(hostPoints(reading, undefined, model, model.memoryBytes / 8)['system.memory.utilization']).toEqual([{ value: 0.125, attributes: {} }]);
  });
});

describe('device points', () => {
  it('CRAC supply, power and fan; PDU power and utilization', () => {
    expect(cracPoints({ id: 'crac-a1', supplyCelsius: 18.2, powerWatts: 3000, fanSpeedRatio: 1 })['hw.temperature']).toEqual([
      { value: 18.2, attributes: { 'hw.id': 'crac-a1-supply', 'hw.type': 'temperature', 'hw.sensor_location': 'supply' } },
    ]);
    expect(pduPoints('pdu-a1', 6000, 12000)).toEqual({
      'hw.host.power': [{ value: 6000, attributes: {} }],
      'hw.power_supply.utilization': [{ value: 0.5, attributes: { 'hw.id': 'pdu-a1-out', 'hw.type': 'power_supply' } }],
    });
  });
});
