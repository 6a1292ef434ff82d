/** Log severities as the twin counts them (OpenTelemetry log data model, "SeverityNumber"). */
export const SEVERITIES = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type Severity = (typeof SEVERITIES)[number] | 'UNSPECIFIED';

// Common severity texts of logging libraries and syslog, by prefix, for records without a number.
const TEXT_PREFIXES: [string, Severity][] = [
  ['TRACE', 'TRACE'],
  ['DEBUG', 'DEBUG'],
  ['INFO', 'INFO'],
  ['NOTICE', 'INFO'],
  ['WARN', 'WARN'],
  ['ERR', 'ERROR'],
  ['FATAL', 'FATAL'],
  ['CRIT', 'FATAL'],
  ['ALERT', 'FATAL'],
  ['EMERG', 'FATAL'],
  ['PANIC', 'FATAL'],
];

/**
 * The severity of a record: from `severityNumber` (1-4 TRACE, 5-8 DEBUG, 9-12 INFO, 13-16 WARN,
 * 17-20 ERROR, 21-24 FATAL), else from `severityText` by prefix, else UNSPECIFIED.
 */
export function severityOf(severityNumber: number, severityText: string): Severity {
  if (severityNumber >= 1 && severityNumber <= 24) return SEVERITIES[Math.floor((severityNumber - 1) / 4)];
  const text = severityText.trim().toUpperCase();
  for (const [prefix, severity] of TEXT_PREFIXES) if (text.startsWith(prefix)) return severity;
  return 'UNSPECIFIED';
}

export function isWarnOrWorse(severity: Severity): boolean {
  return severity === 'WARN' || severity === 'ERROR' || severity === 'FATAL';
}
