/**
 * Ingest throughput with the SQLite store on against the in-memory twin alone, in one run on the
 * same bodies: two full paths (full-path.ts), one of which flushes its changes to a store file
 * after every round, as the collector's flush timer does every few seconds (a round is well
 * under the default five-second interval, so this flushes more often than the collector would).
 * better-sqlite3 writes synchronously, so the flush's cost lands inside the timed pass.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultStoreConfig, openStore } from '../src/store';
import type { TwinStore } from '../src/store';
import { createFullPath } from './full-path';
import type { FullPath } from './full-path';
import { generateMetricRequests, generateTraceRequests } from './generate-requests';
import { runAlternating } from './timing';
import type { Pass } from './timing';

export interface StoreBenchResult {
  /** Items per second through the full path, in memory only and with the store, per signal. */
  traces: { memory: number; sqlite: number; items: number };
  metrics: { memory: number; sqlite: number; items: number };
  /** Points the store received over the whole run. */
  pointsWritten: number;
}

export async function runStoreBench(options: { requests: number; rounds: number; warmupRounds: number }): Promise<StoreBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'twinops-store-bench-'));
  const config = defaultStoreConfig();
  config.sqlite.path = join(dir, 'twin.db');
  const store = await openStore(config, { clock: { now: () => Date.now() }, resolutionMs: 10_000, collectorId: 'bench' });
  let pointsWritten = 0;
  try {
    const memory = createFullPath();
    const persisted = createFullPath();
    persisted.twin.trackChanges();
    const flushed = (path: FullPath, pass: (p: FullPath) => Pass): Pass => (bodies) => {
      pass(path)(bodies);
      const delta = path.twin.takeDelta();
      pointsWritten += delta.signals.reduce((n, s) => n + s.points.length, 0);
      void write(store, delta);
    };

    const traceBatch = generateTraceRequests({ requests: options.requests, seed: 42 });
    const traces = runAlternating(
      [
        { name: 'memory', run: memory.traces },
        { name: 'sqlite', run: flushed(persisted, (p) => p.traces) },
      ],
      { ...options, bodies: () => traceBatch.bodies },
    );
    const batchSeconds = options.requests * 10;
    const metricBatches = Array.from({ length: options.warmupRounds + options.rounds }, (_, round) =>
      generateMetricRequests({ requests: options.requests, seed: 7, timeOffsetSeconds: round * batchSeconds }),
    );
    const metrics = runAlternating(
      [
        { name: 'memory', run: memory.metrics },
        { name: 'sqlite', run: flushed(persisted, (p) => p.metrics) },
      ],
      { ...options, bodies: (round) => metricBatches[round].bodies },
    );
    const rates = (result: typeof traces, items: number) => ({
      memory: items / (result.seconds.get('memory') as number),
      sqlite: items / (result.seconds.get('sqlite') as number),
      items,
    });
    return { traces: rates(traces, traceBatch.items), metrics: rates(metrics, metricBatches[0].items), pointsWritten };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A failed write would make the figures meaningless: stop the benchmark. */
async function write(store: TwinStore, delta: Parameters<TwinStore['writeDelta']>[0]): Promise<void> {
  await store.writeDelta(delta).catch((err: Error) => {
    throw new Error(`store write failed during the benchmark: ${err.message}`);
  });
}
