/**
 * The PetShop data set's two CSV layouts. `graph.csv`: an adjacency matrix, a header row of node
 * names after an empty corner cell, then one row per node (its name, then 0/1 per column; 1 in
 * row A, column B means A calls B). `metrics.csv`: three header rows naming each column's node
 * ("microservice"), metric and statistic, a "unix_timestamp" row, then one row per sample (unix
 * seconds, then values; an empty cell is a missing value). Errors name the file and the line.
 */
import type { DependencyEdge } from '../rca';

export interface PetshopColumn {
  node: string;
  metric: string;
  statistic: string;
  values: number[];
}

export interface PetshopMetrics {
  timestamps: number[];
  columns: PetshopColumn[];
}

const lines = (text: string) => {
  const out = text.split(/\r?\n/);
  while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
  return out;
};

export function parsePetshopGraph(text: string, file: string): DependencyEdge[] {
  const rows = lines(text).map((l) => l.split(','));
  if (rows.length === 0) throw new Error(`${file}:1: empty file, expected a header row of node names`);
  const names = rows[0].slice(1);
  if (rows.length !== names.length + 1) throw new Error(`${file}: ${rows.length - 1} node rows, header names ${names.length} nodes`);
  const edges: DependencyEdge[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== names.length + 1) throw new Error(`${file}:${i + 1}: ${row.length} cells, expected ${names.length + 1}`);
    if (row[0] !== names[i - 1]) throw new Error(`${file}:${i + 1}: row names "${row[0]}", expected "${names[i - 1]}" (the header's order)`);
    for (let j = 1; j < row.length; j++) {
      const v = Number(row[j]);
      if (row[j].trim() === '' || !Number.isFinite(v)) throw new Error(`${file}:${i + 1}: column ${j + 1} is not a number, got "${row[j]}"`);
      if (v !== 0) edges.push({ from: row[0], to: names[j - 1] });
    }
  }
  return edges;
}

const HEADER_ROWS = ['microservice', 'metric', 'statistic', 'unix_timestamp'];

export function parsePetshopMetrics(text: string, file: string): PetshopMetrics {
  const rows = lines(text).map((l) => l.split(','));
  HEADER_ROWS.forEach((name, i) => {
    if (rows[i]?.[0] !== name) throw new Error(`${file}:${i + 1}: expected a "${name}" header row, got "${rows[i]?.[0] ?? ''}"`);
  });
  const width = rows[0].length;
  const columns: PetshopColumn[] = [];
  for (let c = 1; c < width; c++) {
    const [node, metric, statistic] = [rows[0][c], rows[1][c], rows[2][c]];
    if (node === '' || metric === '' || statistic === '') throw new Error(`${file}:1: column ${c + 1} lacks a node, metric or statistic name`);
    columns.push({ node, metric, statistic, values: [] });
  }
  const timestamps: number[] = [];
  for (let r = 4; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== width) throw new Error(`${file}:${r + 1}: ${row.length} cells, header has ${width}`);
    const t = Number(row[0]);
    if (row[0].trim() === '' || !Number.isFinite(t)) throw new Error(`${file}:${r + 1}: unix_timestamp is not a number, got "${row[0]}"`);
    if (timestamps.length > 0 && t <= timestamps[timestamps.length - 1]) throw new Error(`${file}:${r + 1}: unix_timestamp ${row[0]} does not follow the previous row's`);
    timestamps.push(t);
    for (let c = 1; c < width; c++) {
      const v = row[c].trim() === '' ? NaN : Number(row[c]);
      if (row[c].trim() !== '' && !Number.isFinite(v)) throw new Error(`${file}:${r + 1}: column ${c + 1} is not a number, got "${row[c]}"`);
      columns[c - 1].values.push(v);
    }
  }
  if (timestamps.length === 0) throw new Error(`${file}: no sample rows after the header`);
  return { timestamps, columns };
}
