import { createDataFrame, type DataFrame } from '@grafana/data';
import type { EntityList, Scalar } from '../api';
import { stringField, timeField } from './frame-fields';

/** Attributes as one readable cell, keys sorted: `cores=12, model=storage-2u`. */
export function attributesText(attributes: Record<string, Scalar>): string {
  return Object.keys(attributes)
    .sort()
    .map((key) => `${key}=${attributes[key] === null ? 'null' : String(attributes[key])}`)
    .join(', ');
}

/** The entities table; a notice says when the collector matched more than one page holds. */
export function entitiesFrame(list: EntityList, refId?: string): DataFrame {
  const items = list.items;
  const notices =
    list.total > items.length
      ? [{ severity: 'warning' as const, text: `showing ${items.length} of ${list.total} entities: narrow the filter` }]
      : [];
  return createDataFrame({
    name: 'entities',
    refId,
    meta: { preferredVisualisationType: 'table', notices },
    fields: [
      stringField(
        'id',
        items.map((e) => e.id),
        { displayName: 'Id' }
      ),
      stringField(
        'name',
        items.map((e) => e.name),
        { displayName: 'Name' }
      ),
      stringField(
        'type',
        items.map((e) => e.type),
        { displayName: 'Type' }
      ),
      stringField(
        'level',
        items.map((e) => e.level),
        { displayName: 'Level' }
      ),
      stringField(
        'parent',
        items.map((e) => e.parent ?? ''),
        { displayName: 'Parent' }
      ),
      stringField(
        'attributes',
        items.map((e) => attributesText(e.attributes)),
        { displayName: 'Attributes' }
      ),
      timeField(
        items.map((e) => e.firstSeen),
        'firstSeen',
        { displayName: 'First seen' }
      ),
      timeField(
        items.map((e) => e.lastSeen),
        'lastSeen',
        { displayName: 'Last seen' }
      ),
    ],
  });
}
