import type { MetricFindValue } from '@grafana/data';
import type { TwinClient } from '../api';
import type { TwinVariableQuery } from '../types';
import { optional } from './query-params';

const ENTITY_PAGE = 1000;

/**
 * A template variable's values: entity ids (by type and level) or the signal names of one entity,
 * sorted. A legacy string query is read as an entity type.
 */
export async function findVariableValues(
  client: TwinClient,
  query: TwinVariableQuery | string | undefined
): Promise<MetricFindValue[]> {
  const q: TwinVariableQuery =
    typeof query === 'string' ? { kind: 'entities', entityType: query } : (query ?? { kind: 'entities' });
  if (q.kind === 'signals') {
    const entity = optional(q.entity);
    if (entity === undefined) {
      throw new Error('signal names: choose an entity');
    }
    const detail = await client.getEntity(entity);
    return [...new Set(detail.signals.map((s) => s.name))].sort().map((name) => ({ text: name, value: name }));
  }
  const list = await client.listEntities({
    type: optional(q.entityType),
    level: optional(q.level),
    limit: ENTITY_PAGE,
  });
  return list.items
    .map((e) => e.id)
    .sort()
    .map((id) => ({ text: id, value: id }));
}
