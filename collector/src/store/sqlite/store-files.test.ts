import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { contractStoreConfig, delta, entity, ramp, relation, signal, T0 } from '../../../test/support/store-contract';
import type { StoreConfig } from '../config';
import type { StoreSettings } from '../store-settings';
import type { TwinStore } from '../twin-store';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { openSqliteStore } from './sqlite-store';

const S = 1000;
let dir: string;
let now = T0;
const settings: StoreSettings = { clock: { now: () => now }, resolutionMs: 10 * S, collectorId: 'test' };

function configAt(path: string): StoreConfig {
  return { ...contractStoreConfig(), sqlite: { path } };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twinops-sqlite-'));
  now = T0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite file', () => {
  it('is created with its folders, in WAL mode', async () => {
    const path = join(dir, 'a', 'b', 'twin.db');
    const store = await openSqliteStore(configAt(path), settings);
    expect(store.description).toBe(`sqlite ${path}`);
    expect(existsSync(path)).toBe(true);
    await store.close();
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps everything across close and reopen', async () => {
    const path = join(dir, 'twin.db');
    const first = await openSqliteStore(configAt(path), settings);
    await first.writeDelta(
      delta({
        entities: [entity('service:a'), entity('service:b')],
        relations: [relation('calls', 'service:a', 'service:b', { requests_per_second: 1 })],
        signals: [signal('service:a', 'cpu.util', ramp(12))],
        events: [{ entity: 'service:a', countsBySeverity: { WARN: 2 }, latestErrors: [] }],
      }),
    );
    await first.maintain(T0 + 615 * S);
    await first.putObject('scenario', 's', { x: 1 });
    await first.appendAudit({ actor: 'ops', action: 'scenario.put', target: 's', detail: {} });
    const before = await first.exportSnapshot();
    await first.close();
    const second = await openSqliteStore(configAt(path), settings);
    expect(await second.exportSnapshot()).toEqual(before);
    expect(await second.maintain(T0 + 615 * S)).toEqual({ rolledUp: 0, rawDeleted: 0, rollupsDeleted: 0 });
    await second.close();
  });

  it('refuses to open a file written by a newer collector, with the exact message', async () => {
    const path = join(dir, 'twin.db');
    await (await openSqliteStore(configAt(path), settings)).close();
    const db = new Database(path);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(LATEST_SCHEMA_VERSION + 1);
    db.close();
    await expect(openSqliteStore(configAt(path), settings)).rejects.toThrow(
      `${path}: the store is at schema version ${LATEST_SCHEMA_VERSION + 1}, newer than this collector knows (${LATEST_SCHEMA_VERSION}); upgrade the collector or use another store`,
    );
  });

  it('rejects calls after close with a message instead of crashing', async () => {
    const store = await openSqliteStore(configAt(':memory:'), settings);
    await store.close();
    await expect(store.loadState(0)).rejects.toThrow('The database connection is not open');
  });
});

describe('size under steady ingest', () => {
  const signals = 20;

  /** One minute of points (6 per signal) for every signal, ending at `roundEnd`. */
  function minuteOf(round: number): ReturnType<typeof delta> {
    const first = round * 6;
    return delta({ signals: Array.from({ length: signals }, (_, i) => signal('host:h', `cpu.s${i}`, ramp(6, first))) });
  }

  async function pointCounts(store: TwinStore): Promise<{ raw: number; rollups: number }> {
    const snapshot = await store.exportSnapshot();
    return { raw: snapshot.state.signals.reduce((n, s) => n + s.points.length, 0), rollups: snapshot.rollups.length };
  }

  it('stays bounded: point counts level off and the file stops growing', async () => {
    const path = join(dir, 'twin.db');
    const config = configAt(path);
    // Raw five minutes, minute buckets ten minutes, ten-minute buckets half an hour.
    config.retention = [
      {
        signals: '*',
        rawSeconds: 300,
        rollups: [
          { stepSeconds: 60, keepSeconds: 600 },
          { stepSeconds: 600, keepSeconds: 1800 },
        ],
      },
    ];
    const store = await openSqliteStore(config, settings);
    const inspect = new Database(path, { readonly: true });
    const pages: number[] = [];
    const counts: { raw: number; rollups: number }[] = [];
    for (let round = 0; round < 50; round++) {
      now = T0 + (round + 1) * 60 * S;
      await store.writeDelta(minuteOf(round));
      await store.maintain(now);
      counts.push(await pointCounts(store));
      pages.push(inspect.pragma('page_count', { simple: true }) as number);
    }
    inspect.close();
    await store.close();
    for (const c of counts) {
      // 5 min of raw points (+1 bucket at the edge), 10 minute buckets (+1), 3 ten-minute buckets (+1).
      expect(c.raw).toBeLessThanOrEqual(signals * 31);
      expect(c.rollups).toBeLessThanOrEqual(signals * (11 + 4));
    }
    expect(counts[49]).toEqual(counts[39]);
    expect(Math.max(...pages.slice(25))).toBe(pages[25]);
  });
});

describe('config changes and removals', () => {
  it('drops rollup levels no class configures any more, and an entity’s rollups with it', async () => {
    const path = join(dir, 'twin.db');
    const first = await openSqliteStore(configAt(path), settings);
    await first.writeDelta(delta({ signals: [signal('host:a', 'cpu.util', ramp(12)), signal('host:b', 'cpu.util', ramp(12))] }));
    expect(await first.maintain(T0 + 615 * S)).toEqual({ rolledUp: 6, rawDeleted: 0, rollupsDeleted: 0 });
    await first.writeDelta(delta({ removedEntities: ['host:b'] }));
    expect((await first.exportSnapshot()).rollups.map((r) => [r.entity, r.stepMs])).toEqual([
      ['host:a', 60 * S],
      ['host:a', 60 * S],
      ['host:a', 600 * S],
    ]);
    await first.close();
    const config = configAt(path);
    config.retention[0].rollups = [{ stepSeconds: 60, keepSeconds: 7200 }];
    const second = await openSqliteStore(config, settings);
    expect(await second.maintain(T0 + 615 * S)).toEqual({ rolledUp: 0, rawDeleted: 0, rollupsDeleted: 1 });
    expect((await second.exportSnapshot()).rollups.map((r) => r.stepMs)).toEqual([60 * S, 60 * S]);
    await second.close();
  });
});
