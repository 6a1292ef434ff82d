import { parse } from 'csv-parse/sync';
import { INVENTORY_TYPES, TYPED_FIELDS } from './inventory-item';
import type { InventoryItem, InventoryType, ParsedInventory } from './inventory-item';

const FIXED_COLUMNS = ['type', 'id', 'name', 'parent', 'cools', 'powers'];
const REQUIRED_COLUMNS = ['type', 'id'];

/** Reads the CSV layout (see index.ts) into flat items; every problem is reported with its line and column. */
export function parseInventoryCsv(text: string, fileName: string): ParsedInventory {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      comment: '#',
      comment_no_infix: true,
    }) as unknown as typeof rows;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { items: [], errors: [`${fileName}:${line}: CSV syntax: ${(err as Error).message}`] };
  }
  if (rows.length === 0) return { items: [], errors: [] };
  const [header, ...body] = rows;
  const columns = header.record;
  const errors: string[] = [];
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) errors.push(`${fileName}:${header.info.lines}: missing column "${name}"`);
  }
  if (errors.length > 0) return { items: [], errors };
  const items: InventoryItem[] = [];
  for (const { record, info } of body) {
    const where = (field: string) => `${fileName}:${info.lines}: column ${field}`;
    if (record.length > columns.length) {
      errors.push(`${fileName}:${info.lines}: ${record.length} fields, the header has ${columns.length}`);
      continue;
    }
    const cell = (name: string) => record[columns.indexOf(name)] ?? '';
    const type = cell('type') as InventoryType;
    if (!INVENTORY_TYPES.includes(type)) {
      errors.push(`${where('type')}: must be one of ${INVENTORY_TYPES.join(', ')}, got ${JSON.stringify(cell('type'))}`);
      continue;
    }
    const item: InventoryItem = {
      type,
      id: cell('id'),
      name: cell('name') || undefined,
      parent: cell('parent') || undefined,
      cools: splitList(cell('cools')),
      powers: splitList(cell('powers')),
      attributes: {},
      where,
    };
    if (item.id === '') errors.push(`${where('id')}: required`);
    if (item.cools.length > 0 && type !== 'crac') errors.push(`${where('cools')}: must be empty for a ${type}`);
    if (item.powers.length > 0 && type !== 'pdu') errors.push(`${where('powers')}: must be empty for a ${type}`);
    readAttributes(columns, record, item, errors);
    items.push(item);
  }
  return { items, errors };
}

/** Columns beyond the fixed ones are attributes; empty cells are skipped; typed fields are checked. */
function readAttributes(columns: string[], record: string[], item: InventoryItem, errors: string[]): void {
  columns.forEach((column, i) => {
    const text = record[i] ?? '';
    if (FIXED_COLUMNS.includes(column) || text === '') return;
    const kind = TYPED_FIELDS[item.type][column];
    if (kind !== 'number') {
      item.attributes[column] = text;
      return;
    }
    const value = Number(text);
    if (Number.isFinite(value)) item.attributes[column] = value;
    else errors.push(`${item.where(column)}: must be a number, got ${JSON.stringify(text)}`);
  });
}

/** Lists in one cell are separated by spaces or semicolons. */
function splitList(text: string): string[] {
  return text.split(/[;\s]+/).filter((s) => s !== '');
}
