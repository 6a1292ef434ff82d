import type { FloorMetric, FloorRack, FloorThresholds, Level } from './floor-types';

/**
 * 27 °C is the upper end of ASHRAE's recommended inlet range and 32 °C the allowable limit of
 * class A1; a rack at 80 % of its power capacity is worth a look, at 95 % a breaker is close.
 */
export const DEFAULT_THRESHOLDS: FloorThresholds = Object.freeze({
  inletWarnCelsius: 27,
  inletCritCelsius: 32,
  powerWarnFraction: 0.8,
  powerCritFraction: 0.95,
});

/** The value a rack is coloured by: hottest inlet (°C), power (W) or headroom (W). */
export function rackValue(rack: FloorRack, metric: FloorMetric): number | undefined {
  switch (metric) {
    case 'inlet':
      return rack.inletCelsius;
    case 'power':
      return rack.powerWatts;
    case 'headroom':
      return rack.headroomWatts;
  }
}

/**
 * The rack's colour level. Inlet against the temperature thresholds; power and headroom both by
 * the share of capacity in use (little headroom is a high share), which needs power and a
 * positive capacity. Unknown without a value.
 */
export function rackLevel(rack: FloorRack, metric: FloorMetric, thresholds: FloorThresholds): Level {
  if (metric === 'inlet') {
    return levelOf(rack.inletCelsius, thresholds.inletWarnCelsius, thresholds.inletCritCelsius);
  }
  const { powerWatts, capacityWatts } = rack;
  const share =
    powerWatts !== undefined && capacityWatts !== undefined && capacityWatts > 0
      ? powerWatts / capacityWatts
      : undefined;
  return levelOf(share, thresholds.powerWarnFraction, thresholds.powerCritFraction);
}

function levelOf(value: number | undefined, warn: number, crit: number): Level {
  if (value === undefined || !Number.isFinite(value)) {
    return 'unknown';
  }
  return value >= crit ? 'crit' : value >= warn ? 'warn' : 'ok';
}
