import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { openStore, parseSnapshot } from '../store';
import type { TwinSnapshot } from '../store';
import type { CollectorConfig } from './config';

export interface SnapshotIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * `twinops snapshot export [--out FILE]` writes the configured store as one JSON document (to
 * stdout without --out); `twinops snapshot import FILE` loads one into an empty store. Together
 * they back a twin up and move it between SQLite and PostgreSQL. Resolves to the exit code.
 */
export async function runSnapshotCommand(action: 'export' | 'import', file: string | undefined, config: CollectorConfig, io: SnapshotIo): Promise<number> {
  let text: string | undefined;
  if (action === 'import') {
    if (file === undefined) return fail(io, 'snapshot import: name the snapshot file to read');
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      return fail(io, `${file}: cannot read the file: ${(err as Error).message}`);
    }
  }
  const parsed = text === undefined ? undefined : parseSnapshot(text, basename(file as string));
  if (parsed && !parsed.ok) return fail(io, parsed.errors.join('\n'));
  const store = await openStore(config.store, {
    clock: { now: () => Date.now() },
    resolutionMs: config.twin.history.resolutionSeconds * 1000,
  }).catch((err: Error) => err);
  if (store instanceof Error) return fail(io, store.message);
  try {
    if (parsed?.ok) {
      await store.importSnapshot(parsed.snapshot);
      await store.appendAudit({ actor: 'cli', action: 'snapshot.import', target: basename(file as string), detail: counts(parsed.snapshot) });
      io.err(`imported ${describe(parsed.snapshot)} into ${store.description}\n`);
    } else {
      const snapshot = await store.exportSnapshot();
      const json = `${JSON.stringify(snapshot)}\n`;
      if (file === undefined) io.out(json);
      else await writeFile(file, json);
      io.err(`exported ${describe(snapshot)} from ${store.description}${file === undefined ? '' : ` to ${file}`}\n`);
    }
    return 0;
  } catch (err) {
    return fail(io, (err as Error).message);
  } finally {
    await store.close();
  }
}

function counts(snapshot: TwinSnapshot) {
  const { state } = snapshot;
  return {
    entities: state.entities.length,
    relations: state.relations.length,
    signals: state.signals.length,
    points: state.signals.reduce((n, s) => n + s.points.length, 0),
    rollups: snapshot.rollups.length,
    objects: snapshot.objects.length,
    audit: snapshot.audit.length,
  };
}

function describe(snapshot: TwinSnapshot): string {
  return Object.entries(counts(snapshot))
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
}

function fail(io: SnapshotIo, message: string): number {
  io.err(`twinops: ${message}\n`);
  return 1;
}
