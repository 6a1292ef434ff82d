import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { buildInventoryGraph } from './build-graph';
import { parseInventoryCsv } from './parse-csv';
import { parseInventoryYaml } from './parse-yaml';
import type { InventoryGraph } from './build-graph';

export type InventoryFormat = 'yaml' | 'csv';
export type InventoryResult = { ok: true; graph: InventoryGraph } | { ok: false; errors: string[] };

/** Parses inventory text; `fileName` names the file in messages. All problems are collected. */
export function parseInventory(text: string, fileName: string, format: InventoryFormat): InventoryResult {
  const parsed = format === 'csv' ? parseInventoryCsv(text, fileName) : parseInventoryYaml(text, fileName);
  if (parsed.errors.length > 0 && parsed.items.length === 0) return { ok: false, errors: parsed.errors };
  const { graph, errors } = buildInventoryGraph(parsed.items);
  const all = [...parsed.errors, ...errors];
  return all.length > 0 ? { ok: false, errors: byLine(all) } : { ok: true, graph };
}

/** Messages in file order (a stable sort on the line number after the file name). */
function byLine(messages: string[]): string[] {
  const lineOf = (m: string) => Number(/^[^:]*:(\d+):/.exec(m)?.[1] ?? 0);
  return messages.map((m, i) => ({ m, i, line: lineOf(m) })).sort((a, b) => a.line - b.line || a.i - b.i).map((x) => x.m);
}

/** Reads an inventory file (.yaml, .yml or .csv); messages name the file by its base name. */
export async function loadInventory(file: string): Promise<InventoryResult> {
  const name = basename(file);
  const extension = extname(file).toLowerCase();
  const format: InventoryFormat | undefined =
    extension === '.csv' ? 'csv' : extension === '.yaml' || extension === '.yml' ? 'yaml' : undefined;
  if (!format) return { ok: false, errors: [`${name}: must end in .yaml, .yml or .csv`] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, errors: [`${name}: cannot read the file: ${(err as Error).message}`] };
  }
  return parseInventory(text, name, format);
}
