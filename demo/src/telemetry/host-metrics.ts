import type { GaugePoint, GaugeSpec } from './resource-meter';
import type { HostLoad } from '../shop';
import type { SensorReadings, ServerModel } from '../world';

/**
 * What a server's BMC and OS report, and what a CRAC's and a PDU's controllers report, as
 * semconv gauges. Hardware points carry `hw.id` (unique within the host) so the collector hangs
 * them on component entities; whole-box power (`hw.host.power`) and the OS metrics carry none and
 * land on the host itself.
 */

/** Fan speed at ratio 1 (rpm): small server fans spin fast, CRAC blowers slowly. */
export const SERVER_FAN_MAX_RPM = 16_000;
export const CRAC_FAN_MAX_RPM = 1_500;

export const HOST_GAUGES: readonly GaugeSpec[] = [
  { name: 'hw.temperature', unit: 'Cel', description: 'Temperature of a sensor', instrument: 'gauge' },
  { name: 'hw.host.power', unit: 'W', description: 'Power drawn by the whole host', instrument: 'gauge' },
  { name: 'hw.fan.speed', unit: 'rpm', description: 'Fan speed', instrument: 'gauge' },
  { name: 'hw.fan.speed_ratio', unit: '1', description: 'Fan speed as a fraction of its maximum', instrument: 'gauge' },
  { name: 'hw.status', unit: '1', description: 'Operational status: 1 for the current state, 0 for the others', instrument: 'updowncounter' },
  { name: 'system.cpu.utilization', unit: '1', description: 'Busy fraction of all cores', instrument: 'gauge' },
  { name: 'system.memory.utilization', unit: '1', description: 'Used fraction of the memory', instrument: 'gauge' },
];

export type HostReading = SensorReadings['hosts'][number];
export type CracReading = SensorReadings['cracs'][number];
export type Points = Record<string, GaugePoint[]>;

const STATES = ['ok', 'failed'] as const;

function status(hwId: string, type: string, up: boolean): GaugePoint[] {
  return STATES.map((state) => ({ value: (state === 'ok') === up ? 1 : 0, attributes: { 'hw.id': hwId, 'hw.type': type, 'hw.state': state } }));
}

function fan(hwId: string, ratio: number, maxRpm: number): Points {
  const attributes = { 'hw.id': hwId, 'hw.type': 'fan' };
  return {
    'hw.fan.speed': [{ value: ratio * maxRpm, attributes }],
    'hw.fan.speed_ratio': [{ value: ratio, attributes }],
  };
}

const temperature = (hwId: string, location: string, value: number): GaugePoint => ({
  value,
  attributes: { 'hw.id': hwId, 'hw.type': 'temperature', 'hw.sensor_location': location },
});

/**
 * A server's points. The OS metrics (`system.*`) only while it is up: a crashed host's agent
 * sends nothing, while its BMC still reports temperatures, power and the failed status.
 */
export function hostPoints(reading: HostReading, load: HostLoad | undefined, model: ServerModel, idleMemoryBytes: number): Points {
  const name = reading.name;
  const points: Points = {
    'hw.temperature': [temperature(`${name}-inlet`, 'inlet', reading.inletCelsius), temperature(`${name}-cpu`, 'cpu', reading.cpuCelsius)],
    'hw.host.power': [{ value: reading.powerWatts, attributes: {} }],
    ...fan(`${name}-fan`, reading.fanSpeedRatio, SERVER_FAN_MAX_RPM),
    'hw.status': status(`${name}-enclosure`, 'enclosure', reading.up),
  };
  if (reading.up) {
    points['system.cpu.utilization'] = [{ value: load?.cpuUtilization ?? 0, attributes: {} }];
    points['system.memory.utilization'] = [{ value: Math.min(1, (load?.memoryBytes ?? idleMemoryBytes) / model.memoryBytes), attributes: {} }];
  }
  return points;
}

export function cracPoints(reading: CracReading): Points {
  return {
    'hw.temperature': [temperature(`${reading.id}-supply`, 'supply', reading.supplyCelsius)],
    'hw.host.power': [{ value: reading.powerWatts, attributes: {} }],
    ...fan(`${reading.id}-fan`, reading.fanSpeedRatio, CRAC_FAN_MAX_RPM),
  };
}

/** A PDU meters what its servers draw: the sum of their (noisy) power readings. */
export function pduPoints(pduId: string, servedWatts: number, capacityWatts: number): Points {
  return {
    'hw.host.power': [{ value: servedWatts, attributes: {} }],
    'hw.power_supply.utilization': [{ value: servedWatts / capacityWatts, attributes: { 'hw.id': `${pduId}-out`, 'hw.type': 'power_supply' } }],
  };
}

export const PDU_GAUGES: readonly GaugeSpec[] = [
  { name: 'hw.host.power', unit: 'W', description: 'Power delivered by the PDU', instrument: 'gauge' },
  { name: 'hw.power_supply.utilization', unit: '1', description: 'Delivered power as a fraction of the capacity', instrument: 'gauge' },
];

export const CRAC_GAUGES: readonly GaugeSpec[] = HOST_GAUGES.filter((g) => ['hw.temperature', 'hw.host.power', 'hw.fan.speed', 'hw.fan.speed_ratio'].includes(g.name));
