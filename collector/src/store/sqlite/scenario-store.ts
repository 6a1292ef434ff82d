import type Database from 'better-sqlite3';
import type { SavedScenario, SaveScenarioInput } from '../twin-store';

/** Saved what-if scenarios: each call is one committed (fsynced) transaction, like user objects. */
export interface ScenarioStore {
  save(input: SaveScenarioInput): SavedScenario;
  list(): SavedScenario[];
  get(name: string): SavedScenario | undefined;
  delete(name: string): boolean;
}

export interface ScenarioRow {
  name: string;
  scenario: string;
  version: number;
  updated_at: number;
  updated_by: string;
}

export function scenarioFromRow(row: ScenarioRow): SavedScenario {
  return { name: row.name, scenario: row.scenario, updatedAt: row.updated_at, updatedBy: row.updated_by, version: row.version };
}

export function createScenarioStore(db: Database.Database): ScenarioStore {
  const save = db.prepare(`
    INSERT INTO scenarios (name, scenario, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
    ON CONFLICT (name) DO UPDATE SET scenario = excluded.scenario, version = scenarios.version + 1,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by
    RETURNING *`);
  const get = db.prepare('SELECT * FROM scenarios WHERE name = ?');
  const list = db.prepare('SELECT * FROM scenarios ORDER BY name');
  const remove = db.prepare('DELETE FROM scenarios WHERE name = ?');
  return {
    save: (input) => scenarioFromRow(save.get(input.name, input.scenario, input.updatedAt, input.updatedBy) as ScenarioRow),
    list: () => (list.all() as ScenarioRow[]).map(scenarioFromRow),
    get(name) {
      const row = get.get(name) as ScenarioRow | undefined;
      return row && scenarioFromRow(row);
    },
    delete: (name) => remove.run(name).changes > 0,
  };
}
