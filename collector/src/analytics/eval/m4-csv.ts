/**
 * The M4 competition's CSV layout: a header row ("V1","V2",...), then one row per series with
 * its id in the first column and its values after it, quoted, trailing cells empty when the
 * series is shorter than the widest row. Errors name the file and the line.
 */

export interface M4Series {
  id: string;
  values: number[];
}

export interface M4Table {
  /** The header cells as written, unquoted. */
  header: string[];
  series: M4Series[];
}

const unquote = (cell: string) => (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1) : cell);

/** Parses the text of an M4 file; throws `FILE:LINE: reason` on the first malformed row. */
export function parseM4Csv(text: string, file: string): M4Table {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new Error(`${file}:1: empty file, expected a header row`);
  const header = lines[0].split(',').map((c) => unquote(c.trim()));
  const series: M4Series[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const where = `${file}:${i + 1}`;
    const cells = lines[i].split(',').map((c) => unquote(c.trim()));
    if (cells.length > header.length) throw new Error(`${where}: ${cells.length} cells, header has ${header.length}`);
    const id = cells[0];
    if (id === '') throw new Error(`${where}: missing series id`);
    if (seen.has(id)) throw new Error(`${where}: duplicate series id "${id}"`);
    seen.add(id);
    const values: number[] = [];
    let ended = false;
    for (let c = 1; c < cells.length; c++) {
      if (cells[c] === '') {
        ended = true;
        continue;
      }
      if (ended) throw new Error(`${where}: value after an empty cell in column ${c + 1}`);
      const v = Number(cells[c]);
      if (!Number.isFinite(v)) throw new Error(`${where}: column ${c + 1} is not a number, got "${cells[c]}"`);
      values.push(v);
    }
    if (values.length === 0) throw new Error(`${where}: series "${id}" has no values`);
    series.push({ id, values });
  }
  return { header, series };
}

/** Writes rows in the same layout: the header, then each id and its values, every cell quoted. */
export function formatM4Csv(header: readonly string[], rows: readonly M4Series[]): string {
  const quote = (cell: string) => `"${cell}"`;
  const out = [header.map(quote).join(',')];
  for (const row of rows) out.push([row.id, ...row.values.map(formatValue)].map(quote).join(','));
  return `${out.join('\n')}\n`;
}

/** Numbers as short as they stay exact to 6 significant decimals (forecasts need no more). */
function formatValue(v: number): string {
  return String(Number(v.toPrecision(10)));
}
