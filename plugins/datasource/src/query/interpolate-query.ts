import type { ScopedVars } from '@grafana/data';
import type { TwinQuery } from '../types';

/** Replaces template variables in one string (getTemplateSrv().replace in Grafana). */
export type ReplaceFn = (value: string, scopedVars?: ScopedVars) => string;

// Grafana's own keys on every query: never variables, and refId must stay as the panel knows it.
const UNTOUCHED = new Set(['refId', 'queryType', 'datasource', 'key']);

/** The query with variables replaced in every string field (entity, signal, scenario JSON, ...). */
export function interpolateQuery(query: TwinQuery, replace: ReplaceFn, scopedVars?: ScopedVars): TwinQuery {
  const out: Record<string, unknown> = { ...query };
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' && !UNTOUCHED.has(key)) {
      out[key] = replace(value, scopedVars);
    }
  }
  return out as unknown as TwinQuery;
}
