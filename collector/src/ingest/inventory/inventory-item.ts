import type { EntityAttributes, Level } from '../../model';

/** The kinds of things an inventory file describes. */
export const INVENTORY_TYPES = ['enterprise', 'site', 'room', 'row', 'rack', 'host', 'crac', 'pdu'] as const;
export type InventoryType = (typeof INVENTORY_TYPES)[number];

/** One entry of an inventory file, before its references are resolved. */
export interface InventoryItem {
  type: InventoryType;
  /** As written: local to its site (racks, CRACs, PDUs), room (rows) or global (sites, hosts). */
  id: string;
  name: string | undefined;
  /** YAML: the enclosing item; CSV: the parent column (an id); undefined at the top. */
  parent: InventoryItem | string | undefined;
  cools: string[];
  powers: string[];
  attributes: EntityAttributes;
  /** The prefix of a message about one field: `inventory.yaml:12: sites[0].id` or `inventory.csv:7: column id`. */
  where(field: string, index?: number): string;
}

export interface ParsedInventory {
  items: InventoryItem[];
  errors: string[];
}

export const LEVEL_OF: Record<InventoryType, Level> = {
  enterprise: 'enterprise',
  site: 'system',
  room: 'system',
  row: 'system',
  rack: 'asset',
  host: 'asset',
  crac: 'asset',
  pdu: 'asset',
};

/** Which types may contain each type (the first listed is the usual one). */
export const PARENT_TYPES: Record<InventoryType, readonly InventoryType[]> = {
  enterprise: [],
  site: [],
  room: ['site'],
  row: ['room'],
  rack: ['row', 'room'],
  host: ['rack'],
  crac: ['room'],
  pdu: ['room'],
};

/** Descriptive fields with a checked type, per entity type; anything else goes under `attributes`. */
export const TYPED_FIELDS: Record<InventoryType, Record<string, 'number' | 'string'>> = {
  enterprise: {},
  site: { location: 'string' },
  room: {},
  row: {},
  rack: { position: 'string', height_u: 'number', capacity_watts: 'number' },
  host: { position_u: 'number' },
  crac: { capacity_watts: 'number', supply_setpoint_celsius: 'number', host_name: 'string' },
  pdu: { capacity_watts: 'number', host_name: 'string' },
};

/** Ids become parts of entity ids, so they stay simple. */
export const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
export const ID_RULE = 'must contain only letters, digits, ".", "_" and "-"';
