/**
 * Grafana unit ids for the collector's UCUM-style signal units (OpenTelemetry's convention), so
 * panels format values without the user picking a unit.
 */
const UNITS: Record<string, string> = {
  s: 's',
  ms: 'ms',
  us: 'µs',
  ns: 'ns',
  min: 'm',
  h: 'h',
  '%': 'percent',
  W: 'watt',
  kW: 'kwatt',
  J: 'joule',
  Wh: 'watth',
  kWh: 'kwatth',
  Cel: 'celsius',
  K: 'kelvin',
  V: 'volt',
  A: 'amp',
  Hz: 'hertz',
  By: 'bytes',
  KiBy: 'kbytes',
  MiBy: 'mbytes',
  GiBy: 'gbytes',
  'By/s': 'Bps',
  'bit/s': 'bps',
  '{request}/s': 'reqps',
  '{operation}/s': 'ops',
};

// OpenTelemetry writes ratios as the dimensionless "1"; these names say the value is a fraction.
const FRACTION_NAME = /utilization|ratio|fraction|share|percent/i;

/** The Grafana unit for a signal's unit (and name, for dimensionless ones); undefined: leave it unset. */
export function grafanaUnit(unit: string, signalName = ''): string | undefined {
  if (unit === '') {
    return undefined;
  }
  if (unit === '1') {
    return FRACTION_NAME.test(signalName) ? 'percentunit' : 'none';
  }
  const known = UNITS[unit];
  if (known !== undefined) {
    return known;
  }
  // Annotations in braces name what is counted: "{span}" is a plain count, "{span}/s" a rate of them.
  const annotated = /^\{([^}]+)\}(\/s)?$/.exec(unit);
  if (annotated) {
    return annotated[2] ? `suffix: ${annotated[1]}/s` : 'short';
  }
  // Anything else is still worth showing beside the value as written.
  return `suffix: ${unit}`;
}
