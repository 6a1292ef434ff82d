import type Database from 'better-sqlite3';
import type { Clock } from '../../model';
import type { RollupPoint, TwinSnapshot } from '../twin-store';
import { rollupBlock } from './blocks';
import type { DeltaWriter } from './delta-writer';
import { auditFromRow, objectFromRow } from './object-store';
import type { AuditRow, ObjectRow } from './object-store';
import { scenarioFromRow } from './scenario-store';
import type { ScenarioRow } from './scenario-store';
import type { StateReader } from './state-reader';

export interface SnapshotPorter {
  exportSnapshot(): TwinSnapshot;
  importSnapshot(snapshot: TwinSnapshot): void;
}

interface PorterParts {
  schemaVersion: number;
  clock: Clock;
  reader: StateReader;
  writer: DeltaWriter;
  markRollupsDone: () => void;
}

/** Snapshots: the whole store read in one transaction; imported in one, into an empty store only. */
export function createSnapshotPorter(db: Database.Database, parts: PorterParts): SnapshotPorter {
  const rollups = db.prepare(`
    SELECT s.entity, s.name AS signal, r.step_ms AS stepMs, r.t, r.avg, r.min, r.max, r.count
    FROM rollups r JOIN signals s ON s.id = r.signal_id ORDER BY s.entity, s.name, r.step_ms, r.t`);
  const objects = db.prepare('SELECT * FROM objects ORDER BY kind, id');
  const audit = db.prepare('SELECT * FROM audit ORDER BY seq');
  const scenarios = db.prepare('SELECT * FROM scenarios ORDER BY name');
  const counts = db.prepare(
    `SELECT (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM objects) AS objects,
      (SELECT count(*) FROM audit) AS audit, (SELECT count(*) FROM scenarios) AS scenarios`,
  );
  const signalId = db.prepare('SELECT id FROM signals WHERE entity = ? AND name = ?').pluck();
  const addSignal = db.prepare("INSERT INTO signals (entity, name, unit, kind) VALUES (?, ?, '', '') RETURNING id").pluck();
  const addRollup = db.prepare('INSERT INTO rollups (step_ms, block, signal_id, t, avg, min, max, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const addObject = db.prepare('INSERT INTO objects (kind, id, value, version, updated_at) VALUES (?, ?, ?, ?, ?)');
  const addAudit = db.prepare('INSERT INTO audit (seq, t, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)');
  const addScenario = db.prepare('INSERT INTO scenarios (name, scenario, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)');

  const exportAll = db.transaction(
    (): TwinSnapshot => ({
      format: 'twinops-snapshot',
      version: 1,
      schemaVersion: parts.schemaVersion,
      exportedAt: parts.clock.now(),
      state: parts.reader.read(-1, Number.MIN_SAFE_INTEGER),
      rollups: rollups.all() as RollupPoint[],
      objects: (objects.all() as ObjectRow[]).map(objectFromRow),
      audit: (audit.all() as AuditRow[]).map(auditFromRow),
      scenarios: (scenarios.all() as ScenarioRow[]).map(scenarioFromRow),
    }),
  );

  function refuseNonEmpty(): void {
    const held = counts.get() as { entities: number; objects: number; audit: number; scenarios: number };
    const kinds: [string, number][] = [
      ['entities', held.entities],
      ['objects', held.objects],
      ['audit records', held.audit],
      ['saved scenarios', held.scenarios],
    ];
    const found = kinds.find(([, n]) => n > 0);
    if (found) throw new Error(`cannot import into a store that already holds ${found[1]} ${found[0]}`);
  }

  function importRollup(r: RollupPoint): void {
    const id = (signalId.get(r.entity, r.signal) ?? addSignal.get(r.entity, r.signal)) as number;
    addRollup.run(r.stepMs, rollupBlock(r.t, r.stepMs), id, r.t, r.avg, r.min, r.max, r.count);
  }

  const importAll = db.transaction((snapshot: TwinSnapshot) => {
    refuseNonEmpty();
    parts.writer.write({ ...snapshot.state, removedEntities: [], removedRelations: [] });
    for (const r of snapshot.rollups ?? []) importRollup(r);
    // Imported buckets count as rolled up: raw points of a bucket may be partly expired already.
    parts.markRollupsDone();
    for (const o of snapshot.objects ?? []) addObject.run(o.kind, o.id, JSON.stringify(o.value) ?? 'null', o.version, o.updatedAt);
    for (const a of snapshot.audit ?? []) addAudit.run(a.seq, a.t, a.actor, a.action, a.target, JSON.stringify(a.detail ?? {}));
    for (const c of snapshot.scenarios ?? []) addScenario.run(c.name, c.scenario, c.version, c.updatedAt, c.updatedBy);
  });

  return {
    exportSnapshot: () => exportAll(),
    importSnapshot(snapshot) {
      if (snapshot?.format !== 'twinops-snapshot' || snapshot.version !== 1) {
        throw new Error(`not a twinops snapshot (format ${JSON.stringify(snapshot?.format)}, version ${snapshot?.version})`);
      }
      importAll(snapshot);
    },
  };
}
