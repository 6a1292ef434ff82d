import { ID_PATTERN, ID_RULE, LEVEL_OF, PARENT_TYPES } from './inventory-item';
import type { EntityInput, RelationType } from '../../model';
import type { InventoryItem } from './inventory-item';

export interface InventoryRelation {
  from: string;
  to: string;
  type: RelationType;
}

/**
 * A device that reports its own telemetry under a `host.name` (a CRAC or PDU behind an SNMP or
 * Modbus exporter): that telemetry belongs to the inventory entity, not to a host of that name.
 */
export interface HostAlias {
  hostName: string;
  entity: Pick<EntityInput, 'id' | 'type' | 'level'>;
}

/** What an inventory adds to the twin. */
export interface InventoryGraph {
  entities: EntityInput[];
  relations: InventoryRelation[];
  hostAliases: HostAlias[];
}

/** The root when the file names no enterprise. */
const DEFAULT_ENTERPRISE = 'default';

/**
 * Resolves parents, ids and references of parsed items into entities and relations. Ids:
 * `enterprise:<id>`, `site:<site>`, `room:<site>/<room>`, `row:<site>/<room>/<row>`,
 * `rack:<site>/<rack>`, `crac:<site>/<crac>`, `pdu:<site>/<pdu>` and `host:<name>` (the same id
 * as telemetry gives a host, so the two join). Every problem is collected.
 */
export function buildInventoryGraph(items: InventoryItem[]): { graph: InventoryGraph; errors: string[] } {
  const errors: string[] = [];
  const valid = items.filter((item) => {
    if (item.id === '' || ID_PATTERN.test(item.id)) return item.id !== '';
    errors.push(`${item.where('id')}: ${ID_RULE}, got ${JSON.stringify(item.id)}`);
    return false;
  });
  const parents = resolveParents(valid, errors);
  const locals = new Map<InventoryItem, string>();
  const localOf = (item: InventoryItem): string | undefined => {
    if (locals.has(item)) return locals.get(item);
    const parent = parents.get(item);
    let local: string | undefined = item.id;
    if (item.type === 'room' || item.type === 'row') local = parent && join(localOf(parent), item.id);
    else if (item.type === 'rack' || item.type === 'crac' || item.type === 'pdu') local = join(siteOf(item), item.id);
    locals.set(item, local as string);
    return local;
  };
  const siteOf = (item: InventoryItem): string | undefined => {
    let at: InventoryItem | undefined = item;
    while (at && at.type !== 'site') at = parents.get(at);
    return at?.id;
  };

  const roots = valid.filter((item) => item.type === 'enterprise');
  roots.slice(1).forEach((item) => errors.push(`${item.where('id')}: duplicate enterprise, the first is "${roots[0].id}"`));
  const rootId = `enterprise:${roots[0]?.id ?? DEFAULT_ENTERPRISE}`;
  const graph: InventoryGraph = {
    entities: [{ id: rootId, type: 'enterprise', level: 'enterprise', name: roots[0]?.name ?? roots[0]?.id ?? 'enterprise', attributes: { ...roots[0]?.attributes } }],
    relations: [],
    hostAliases: [],
  };
  const idOf = new Map<InventoryItem, string>();
  const seen = new Set<string>([rootId]);
  for (const item of valid) {
    if (item.type === 'enterprise') continue;
    const local = localOf(item);
    if (local === undefined) continue;
    const id = `${item.type}:${local}`;
    if (seen.has(id)) {
      errors.push(`${item.where('id')}: duplicate ${item.type} "${item.id}"`);
      continue;
    }
    seen.add(id);
    idOf.set(item, id);
    const attributes = { ...item.attributes };
    graph.entities.push({ id, type: item.type, level: LEVEL_OF[item.type], name: item.name ?? item.id, attributes });
  }
  collectHostAliases(idOf, graph, errors);
  for (const [item, id] of idOf) {
    const parent = parents.get(item);
    const parentId = parent ? idOf.get(parent) : item.type === 'site' ? rootId : undefined;
    if (parentId) graph.relations.push({ from: parentId, to: id, type: 'contains' });
    const site = siteOf(item);
    item.cools.forEach((ref, i) => {
      const rack = `rack:${site}/${ref}`;
      if (seen.has(rack)) graph.relations.push({ from: id, to: rack, type: 'cools' });
      else errors.push(`${item.where('cools', i)}: unknown rack "${ref}"`);
    });
    item.powers.forEach((ref, i) => {
      const target = [`rack:${site}/${ref}`, `host:${ref}`].find((candidate) => seen.has(candidate));
      if (target) graph.relations.push({ from: id, to: target, type: 'powers' });
      else errors.push(`${item.where('powers', i)}: unknown rack or host "${ref}"`);
    });
  }
  return { graph, errors };
}

/** Devices with `host_name`; a name claimed twice, or also an inventory host's, is an error. */
function collectHostAliases(idOf: Map<InventoryItem, string>, graph: InventoryGraph, errors: string[]): void {
  const claimedBy = new Map<string, string>();
  for (const [item, id] of idOf) if (item.type === 'host') claimedBy.set(item.id, id);
  for (const [item, id] of idOf) {
    const hostName = item.attributes.host_name;
    if (typeof hostName !== 'string') continue;
    const owner = claimedBy.get(hostName);
    if (owner !== undefined) {
      errors.push(`${item.where('host_name')}: "${hostName}" already names ${owner}`);
      continue;
    }
    claimedBy.set(hostName, id);
    graph.hostAliases.push({ hostName, entity: { id, type: item.type, level: LEVEL_OF[item.type] } });
  }
}

const join = (scope: string | undefined, id: string) => (scope === undefined ? undefined : `${scope}/${id}`);

/** Each item's parent item: by nesting (YAML) or by the parent column (CSV, ids looked up by type). */
function resolveParents(items: InventoryItem[], errors: string[]): Map<InventoryItem, InventoryItem> {
  const byTypeAndId = new Map<string, InventoryItem[]>();
  for (const item of items) {
    const key = `${item.type}:${item.id}`;
    byTypeAndId.set(key, [...(byTypeAndId.get(key) ?? []), item]);
  }
  const parents = new Map<InventoryItem, InventoryItem>();
  for (const item of items) {
    const allowed = PARENT_TYPES[item.type];
    if (typeof item.parent === 'object') {
      parents.set(item, item.parent);
    } else if (item.parent === undefined) {
      if (allowed.length > 0) errors.push(`${item.where('parent')}: required`);
    } else if (allowed.length === 0) {
      errors.push(`${item.where('parent')}: must be empty for a ${item.type}`);
    } else {
      const candidates = allowed.flatMap((type) => byTypeAndId.get(`${type}:${item.parent}`) ?? []);
      const wanted = `${allowed.join(' or ')} "${item.parent}"`;
      if (candidates.length === 1) parents.set(item, candidates[0]);
      else if (candidates.length === 0) errors.push(`${item.where('parent')}: unknown ${wanted}`);
      else errors.push(`${item.where('parent')}: ambiguous ${wanted}, ids must be unique per type in CSV`);
    }
  }
  return parents;
}
