/**
 * Reads a NAB-format corpus: `DATA_DIR/<category>/<name>.csv` files with a `timestamp,value`
 * header, and the windows file (`combined_windows.json`: file key → list of [start, end]
 * timestamp strings). Rows are kept in file order: a few NAB
 * files repeat or step back a timestamp (clock changes), and NAB scores by row. Every file the windows file lists is read; errors name the file, the line
 * and the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NabWindow } from './label-points';
import { parseNabTimestamp } from './nab-timestamp';

export interface NabCorpusFile {
  /** Path under the data directory, e.g. `realKnownCause/nyc_taxi.csv`. */
  key: string;
  timestampText: string[];
  /** Epoch milliseconds, read as UTC. */
  timestamps: number[];
  values: number[];
  windows: NabWindow[];
}

export function readNabCorpus(dataDir: string, windowsFile: string): NabCorpusFile[] {
  const windowsByKey = readWindows(windowsFile);
  return Object.keys(windowsByKey)
    .sort()
    .map((key) => ({ key, ...readNabCsv(join(dataDir, key), ['timestamp', 'value'], 'value'), windows: windowsByKey[key] }));
}

/** Reads one CSV whose first column is `timestamp` and whose `column` is numeric. */
export function readNabCsv(path: string, header: string[], column: string): { timestampText: string[]; timestamps: number[]; values: number[] } {
  const text = readText(path);
  const lines = text.split(/\r?\n/);
  const names = lines[0].split(',').map((s) => s.trim());
  for (const name of header) {
    if (!names.includes(name)) throw new Error(`${path}:1: header: missing column "${name}", got "${lines[0]}"`);
  }
  const ti = names.indexOf('timestamp');
  const vi = names.indexOf(column);
  const timestampText: string[] = [];
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split(',');
    const t = parseNabTimestamp(cells[ti] ?? '');
    if (Number.isNaN(t)) throw new Error(`${path}:${i + 1}: timestamp: not a timestamp, got "${cells[ti] ?? ''}"`);
    const v = Number(cells[vi]);
    if (cells[vi] === undefined || cells[vi].trim() === '' || !Number.isFinite(v)) {
      throw new Error(`${path}:${i + 1}: ${column}: not a number, got "${cells[vi] ?? ''}"`);
    }
    timestampText.push(cells[ti]);
    timestamps.push(t);
    values.push(v);
  }
  return { timestampText, timestamps, values };
}

function readWindows(path: string): Record<string, NabWindow[]> {
  const text = readText(path);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${path}: must be an object of file → windows`);
  const out: Record<string, NabWindow[]> = {};
  for (const [key, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(list)) throw new Error(`${path}: ${key}: must be a list of [start, end], got ${JSON.stringify(list)}`);
    out[key] = list.map((w: unknown, i) => {
      const start = Array.isArray(w) && w.length === 2 ? parseNabTimestamp(String(w[0])) : Number.NaN;
      const end = Array.isArray(w) && w.length === 2 ? parseNabTimestamp(String(w[1])) : Number.NaN;
      if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
        throw new Error(`${path}: ${key}[${i}]: must be [start, end] timestamps with start <= end, got ${JSON.stringify(w)}`);
      }
      return [start, end] as const;
    });
  }
  return out;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
