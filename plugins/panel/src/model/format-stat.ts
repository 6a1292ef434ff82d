import { formattedValueToString, getValueFormat } from '@grafana/data';

/** A stat as the Node Graph would print it: the value in its Grafana unit, or nothing without a finite value. */
export function formatStat(value: number | null | undefined, unit: string | undefined): string | undefined {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return undefined;
  }
  return formattedValueToString(getValueFormat(unit ?? 'none')(value));
}
