import { simulationError } from '../runner';

/**
 * Reads a JSON request body field by field; the first problem throws an invalid_argument error
 * naming the field, and fields the endpoint does not know are errors too (a typo must not pass
 * silently as a no-op).
 */
export interface BodyReader {
  string(field: string): string;
  optionalString(field: string): string | undefined;
  number(field: string): number;
  integer(field: string): number;
  boolean(field: string): boolean;
}

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

export function readBody(body: unknown, fields: readonly string[]): BodyReader {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw simulationError('invalid_argument', `body: must be a JSON object, got ${show(body)}`);
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !fields.includes(key));
  if (unknown !== undefined) throw simulationError('invalid_argument', `${unknown}: unknown field (expected ${fields.join(', ')})`);
  const fail = (field: string, rule: string): never => {
    throw simulationError('invalid_argument', `${field}: ${rule}, got ${show(record[field])}`);
  };
  const string = (field: string) => {
    const value = record[field];
    return typeof value === 'string' && value !== '' ? value : fail(field, 'must be a non-empty string');
  };
  const number = (field: string) => {
    const value = record[field];
    return typeof value === 'number' && Number.isFinite(value) ? value : fail(field, 'must be a number');
  };
  return {
    string,
    optionalString: (field) => (record[field] === undefined ? undefined : string(field)),
    number,
    integer: (field) => (Number.isInteger(record[field]) ? (record[field] as number) : fail(field, 'must be an integer')),
    boolean: (field) => (typeof record[field] === 'boolean' ? (record[field] as boolean) : fail(field, 'must be true or false')),
  };
}
