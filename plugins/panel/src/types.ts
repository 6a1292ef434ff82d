import type { FloorMetric } from './model';

export type PanelView = 'topology' | 'floor';

/** What the panel editor stores for a TwinOps topology panel. */
export interface PanelOptions {
  view: PanelView;
  floorMetric: FloorMetric;
  inletWarnCelsius: number;
  inletCritCelsius: number;
  powerWarnFraction: number;
  powerCritFraction: number;
  showLabels: boolean;
  whatIf: boolean;
}

export const DEFAULT_OPTIONS: PanelOptions = {
  view: 'topology',
  floorMetric: 'inlet',
  // ASHRAE A1: 27 °C is the recommended inlet maximum, 32 °C the allowable one.
  inletWarnCelsius: 27,
  inletCritCelsius: 32,
  // Fractions of the rack's power capacity: 80 % is the usual planning ceiling, 95 % leaves no room for a spike.
  powerWarnFraction: 0.8,
  powerCritFraction: 0.95,
  showLabels: true,
  whatIf: false,
};
