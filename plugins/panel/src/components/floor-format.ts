import type { FloorMetric } from '../model';

export const METRIC_LABELS: Record<FloorMetric, string> = {
  inlet: 'Inlet temperature',
  power: 'Power',
  headroom: 'Headroom',
};

/** A rack or server value in the unit people read on a floor: °C for inlet, kW for power. */
export function formatMetric(metric: FloorMetric, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) {
    return 'no data';
  }
  return metric === 'inlet' ? `${value.toFixed(1)} °C` : `${(value / 1000).toFixed(1)} kW`;
}
