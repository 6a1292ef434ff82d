import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { TYPED_FIELDS } from './inventory-item';
import type { InventoryItem, InventoryType, ParsedInventory } from './inventory-item';

/** Where children of each type are nested in the YAML layout. */
const CHILD_KEYS: Partial<Record<InventoryType, Record<string, InventoryType>>> = {
  site: { rooms: 'room' },
  room: { rows: 'row', racks: 'rack', cracs: 'crac', pdus: 'pdu' },
  row: { racks: 'rack' },
  rack: { hosts: 'host' },
};
const LIST_KEYS: Partial<Record<InventoryType, string>> = { crac: 'cools', pdu: 'powers' };

type Node = unknown;

/** Reads the YAML layout (see index.ts) into flat items; every problem is reported with its line. */
export function parseInventoryYaml(text: string, fileName: string): ParsedInventory {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: Node) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const items: InventoryItem[] = [];
  const errors: string[] = [];
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push(`${fileName}:${e.linePos?.[0].line ?? 1}: YAML syntax: ${e.message.split('\n')[0]}`);
    return { items, errors };
  }
  const fail = (node: Node, path: string, message: string) => errors.push(`${fileName}:${lineOf(node)}: ${path}: ${message}`);

  function parseItem(node: Node, type: InventoryType, path: string, parent: InventoryItem | undefined): void {
    const lines = new Map<string, Node>();
    const where = (field: string, index?: number) => {
      const key = index === undefined ? field : `${field}[${index}]`;
      const at = isScalar(node) && field === 'id' ? path : `${path}.${key}`;
      return `${fileName}:${lineOf(lines.get(key) ?? lines.get(field) ?? node)}: ${at}`;
    };
    const item: InventoryItem = { type, id: '', name: undefined, parent, cools: [], powers: [], attributes: {}, where };
    if (isScalar(node) && (type === 'host' || type === 'enterprise')) {
      item.id = scalarText(node) ?? '';
      if (item.id === '') fail(node, path, 'must be a name');
      items.push(item);
      return;
    }
    if (!isMap(node)) return void fail(node, path, 'must be a mapping');
    const children: [Node, string, InventoryType][] = [];
    let hasId = false;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const value = pair.value;
      const at = `${path}.${key}`;
      lines.set(key, value ?? pair.key);
      const childType = CHILD_KEYS[type]?.[key];
      const fieldType = TYPED_FIELDS[type][key];
      if (key === 'id' || key === 'name') {
        const text = scalarText(value);
        if (text === undefined) fail(value ?? pair.key, at, 'must be a string');
        else if (key === 'id') [item.id, hasId] = [text, true];
        else item.name = text;
      } else if (key === 'attributes') {
        readAttributes(value, at, item);
      } else if (key === LIST_KEYS[type]) {
        readList(value, at, key, lines, key === 'cools' ? item.cools : item.powers);
      } else if (childType) {
        children.push([value, at, childType]);
      } else if (fieldType) {
        readTyped(value ?? pair.key, at, fieldType, key, item);
      } else {
        fail(pair.key, at, 'unknown key');
      }
    }
    if (!hasId) fail(node, `${path}.id`, 'required');
    items.push(item);
    for (const [value, at, childType] of children) {
      if (!isSeq(value)) {
        fail(value, at, 'must be a list');
        continue;
      }
      value.items.forEach((child, i) => parseItem(child, childType, `${at}[${i}]`, item));
    }
  }

  function readAttributes(value: Node, at: string, item: InventoryItem): void {
    if (!isMap(value)) return void fail(value, at, 'must be a mapping');
    for (const pair of value.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const v = isScalar(pair.value) ? pair.value.value : undefined;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') item.attributes[key] = v;
      else fail(pair.value ?? pair.key, `${at}.${key}`, 'must be a string, number or boolean');
    }
  }

  function readList(value: Node, at: string, key: string, lines: Map<string, Node>, out: string[]): void {
    if (!isSeq(value)) return void fail(value, at, 'must be a list');
    value.items.forEach((entry, i) => {
      const text = scalarText(entry);
      lines.set(`${key}[${i}]`, entry);
      if (text === undefined) fail(entry, `${at}[${i}]`, 'must be a string');
      else out.push(text);
    });
  }

  function readTyped(value: Node, at: string, kind: 'number' | 'string', key: string, item: InventoryItem): void {
    const v = isScalar(value) ? value.value : undefined;
    if (kind === 'number' && typeof v === 'number' && Number.isFinite(v)) item.attributes[key] = v;
    else if (kind === 'string' && (typeof v === 'string' || typeof v === 'number')) item.attributes[key] = String(v);
    else fail(value, at, `must be a ${kind}, got ${describe(v ?? (value as { toJSON?: () => unknown })?.toJSON?.())}`);
  }

  const root = doc.contents;
  if (root === null) return { items, errors };
  if (!isMap(root)) return { items, errors: [`${fileName}:${lineOf(root)}: (top level): must be a mapping`] };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key === 'enterprise') parseItem(pair.value, 'enterprise', 'enterprise', undefined);
    else if (key === 'sites' && isSeq(pair.value)) pair.value.items.forEach((s, i) => parseItem(s, 'site', `sites[${i}]`, undefined));
    else if (key === 'sites') fail(pair.value, 'sites', 'must be a list');
    else fail(pair.key, key, 'unknown key');
  }
  return { items, errors };
}

function scalarText(node: Node): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : undefined;
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
