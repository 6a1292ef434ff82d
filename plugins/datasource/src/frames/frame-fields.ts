import { FieldType, type FieldConfig } from '@grafana/data';

/** A field description for createDataFrame: name, type, values and config. */
export interface FieldSpec {
  name: string;
  type: FieldType;
  values: unknown[];
  config: FieldConfig;
  labels?: Record<string, string>;
}

export function field(
  name: string,
  type: FieldType,
  values: unknown[],
  config: FieldConfig = {},
  labels?: Record<string, string>
): FieldSpec {
  return labels ? { name, type, values, config, labels } : { name, type, values, config };
}

export const timeField = (values: number[], name = 'time', config: FieldConfig = {}) =>
  field(name, FieldType.time, values, config);
export const stringField = (name: string, values: unknown[], config: FieldConfig = {}) =>
  field(name, FieldType.string, values, config);
export const numberField = (name: string, values: Array<number | null | undefined>, config: FieldConfig = {}) =>
  field(
    name,
    FieldType.number,
    values.map((v) => (v === undefined ? null : v)),
    config
  );
export const booleanField = (name: string, values: boolean[], config: FieldConfig = {}) =>
  field(name, FieldType.boolean, values, config);

/** A unit's config entry, or nothing when the unit is unknown. */
export function withUnit(unit: string | undefined, config: FieldConfig = {}): FieldConfig {
  return unit === undefined ? config : { ...config, unit };
}
