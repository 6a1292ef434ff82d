/** Small parsers of query fields into collector parameters; each error names the field. */

/** `key=value` pairs separated by commas; empty entries are skipped. */
export function parseAttributes(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(',')) {
    const entry = part.trim();
    if (entry === '') {
      continue;
    }
    const eq = entry.indexOf('=');
    if (eq <= 0) {
      throw new Error(`attributes: expected key=value pairs separated by commas, got ${JSON.stringify(entry)}`);
    }
    out[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return out;
}

/** The inline scenario's JSON as an object. */
export function parseScenario(text: string): object {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`scenario: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('scenario: must be a JSON object with horizon_seconds, step_seconds and changes');
  }
  return parsed;
}

/** A field the query type cannot run without. */
export function required(value: string | undefined, queryType: string, name: string): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    throw new Error(`${queryType}: choose ${name}`);
  }
  return trimmed;
}

/** A non-empty trimmed string, or undefined. */
export const optional = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** Milliseconds as the collector's duration text (it accepts plain milliseconds). */
export const millis = (ms: number) => String(Math.max(1, Math.round(ms)));
