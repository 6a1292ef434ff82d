import type { Pool, PoolClient } from 'pg';
import { checkScenarioInput } from '../twin-store';
import type { SavedScenario, SavedScenarios, SaveScenarioInput } from '../twin-store';

export interface ScenarioRow {
  name: string;
  scenario: string;
  version: number;
  updated_at: number;
  updated_by: string;
}

export const toScenario = (r: ScenarioRow): SavedScenario => ({
  name: r.name,
  scenario: r.scenario,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  version: r.version,
});

/**
 * Saved scenarios: like user objects, each call is one autocommitted statement, durable when the
 * promise resolves. Two collectors saving the same name at once serialize on its row: the later
 * save gets the next version.
 */
/** Saved what-if scenarios, shared by every collector. */
export function createScenarioStore(pool: Pool): SavedScenarios {
  return {
    async saveScenario(input: SaveScenarioInput): Promise<SavedScenario> {
      checkScenarioInput(input);
      const result = await pool.query<ScenarioRow>(
        `INSERT INTO scenarios (name, scenario, version, updated_at, updated_by) VALUES ($1, $2, 1, $3, $4)
         ON CONFLICT (name) DO UPDATE SET scenario = excluded.scenario, version = scenarios.version + 1,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by
         RETURNING *`,
        [input.name, input.scenario, input.updatedAt, input.updatedBy],
      );
      return toScenario(result.rows[0]);
    },
    async listScenarios(): Promise<SavedScenario[]> {
      // COLLATE "C": ordered by name the way JavaScript compares strings, whatever the database locale.
      const result = await pool.query<ScenarioRow>('SELECT * FROM scenarios ORDER BY name COLLATE "C"');
      return result.rows.map(toScenario);
    },
    async getScenario(name: string): Promise<SavedScenario | undefined> {
      const result = await pool.query<ScenarioRow>('SELECT * FROM scenarios WHERE name = $1', [name]);
      return result.rows.length > 0 ? toScenario(result.rows[0]) : undefined;
    },
    async deleteScenario(name: string): Promise<boolean> {
      const result = await pool.query('DELETE FROM scenarios WHERE name = $1', [name]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

/** Snapshot import: scenarios keep their versions. */
export async function insertScenarios(client: PoolClient, scenarios: SavedScenario[]): Promise<void> {
  if (scenarios.length === 0) return;
  await client.query(
    `INSERT INTO scenarios (name, scenario, version, updated_at, updated_by)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::text[])`,
    [
      scenarios.map((s) => s.name),
      scenarios.map((s) => s.scenario),
      scenarios.map((s) => s.version),
      scenarios.map((s) => s.updatedAt),
      scenarios.map((s) => s.updatedBy),
    ],
  );
}
