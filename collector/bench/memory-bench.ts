/**
 * Memory of the twin at 10,000 entities, built through the real path (handler, metrics ingest,
 * twin) from fleet requests: bytes per entity without signals, then per signal with one point and
 * with its full default history. Each figure is a difference of V8 heap plus array buffers (signal
 * history lives in Float64Arrays, whose larger backing stores sit outside the V8 heap) after
 * forced garbage collection, with the twin and the request bodies reachable throughout, so only
 * what the twin keeps is counted.
 */
import { defaultTwinConfig } from '../src/ingest';
import { generateFleetRequests, fleetEntities, GAUGE_SIGNAL } from './fleet-requests';
import type { FleetShape } from './fleet-requests';
import { createFullPath } from './full-path';
import type { FullPath } from './full-path';

export interface MemoryBenchResult {
  shape: FleetShape;
  entities: number;
  relations: number;
  attributesPerEntity: number;
  bytesPerEntity: number;
  signals: number;
  bytesPerSignalOnePoint: number;
  historyCapacity: number;
  bytesPerSignalFullHistory: number;
  /** OTLP requests sent: the fleet's resources, then the same with one gauge point each. */
  requests: number;
}

const RESOURCES_PER_REQUEST = 100;
const GAUGE_TIME_NANOS = 1_767_225_600_000_000_000; // 2026-01-01T00:00:00Z

export function runMemoryBench(shape: FleetShape): MemoryBenchResult {
  const gc = globalThis.gc;
  if (!gc) throw new Error('the memory benchmark needs node --expose-gc');
  // A small fleet first, so the code on this path is compiled before anything is measured.
  build(createFullPath(), scaled(shape, 0.05), capacityOf());

  const path = createFullPath();
  const entityBodies = generateFleetRequests(shape, RESOURCES_PER_REQUEST);
  const signalBodies = generateFleetRequests(shape, RESOURCES_PER_REQUEST, GAUGE_TIME_NANOS);
  const base = settledBytes(gc);
  path.metrics(entityBodies);
  const withEntities = settledBytes(gc);
  path.metrics(signalBodies);
  const withSignals = settledBytes(gc);
  const capacity = capacityOf();
  fillHistory(path, capacity);
  const withHistory = settledBytes(gc);

  const stats = path.twin.stats();
  const check = fleetEntities(shape);
  if (stats.entities !== check || stats.signals !== shape.instances || stats.historyPoints !== shape.instances * capacity) {
    throw new Error(`unexpected twin after the memory benchmark: ${JSON.stringify(stats)}`);
  }
  const { items } = path.twin.listEntities({ limit: stats.entities });
  const attributes = items.reduce((n, e) => n + Object.keys(e.attributes).length, 0);
  return {
    shape,
    entities: stats.entities,
    relations: stats.relations,
    attributesPerEntity: attributes / items.length,
    bytesPerEntity: (withEntities - base) / stats.entities,
    signals: stats.signals,
    bytesPerSignalOnePoint: (withSignals - withEntities) / stats.signals,
    historyCapacity: capacity,
    bytesPerSignalFullHistory: (withHistory - withEntities) / stats.signals,
    // Read last, so the bodies stay reachable through every measurement above.
    requests: entityBodies.length + signalBodies.length,
  };
}

function capacityOf(): number {
  const { retentionSeconds, resolutionSeconds } = defaultTwinConfig().history;
  return Math.floor(retentionSeconds / resolutionSeconds);
}

function scaled(shape: FleetShape, factor: number): FleetShape {
  const part = (n: number) => Math.max(1, Math.round(n * factor));
  return { services: part(shape.services), instances: part(shape.instances), hosts: part(shape.hosts) };
}

function build(path: FullPath, shape: FleetShape, capacity: number): void {
  path.metrics(generateFleetRequests(shape, RESOURCES_PER_REQUEST));
  path.metrics(generateFleetRequests(shape, RESOURCES_PER_REQUEST, GAUGE_TIME_NANOS));
  fillHistory(path, capacity);
}

/** Adds points 10 s apart (one per history bucket) until every instance's signal history is full. */
function fillHistory(path: FullPath, capacity: number): void {
  const { twin } = path;
  const stepMs = defaultTwinConfig().history.resolutionSeconds * 1000;
  const startMs = GAUGE_TIME_NANOS / 1e6;
  const { items } = twin.listEntities({ type: 'instance', limit: Number.MAX_SAFE_INTEGER });
  for (const { id } of items) {
    for (let k = 1; k < capacity; k++) twin.recordSignal(id, GAUGE_SIGNAL, '1', 'gauge', startMs + k * stepMs, k % 100);
  }
}

function settledBytes(gc: () => void): number {
  for (let i = 0; i < 4; i++) gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
