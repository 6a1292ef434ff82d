import { InMemoryMetricsRegistry, createTwin, defaultTwinModelConfig } from '../model';
import type { Logger, Twin, TwinDelta } from '../model';
import { defaultStoreConfig, openStore as openConfiguredStore } from '../store';
import type { TwinStore } from '../store';
import { createPersistence } from './persistence';

const T0 = 1_700_000_000_000;

function setup() {
  let now = T0;
  const clock = { now: () => now };
  const metrics = new InMemoryMetricsRegistry();
  const twin = createTwin(defaultTwinModelConfig(), { clock, metrics });
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (message) => warnings.push(message), error() {} };
  return { clock, metrics, twin, logger, warnings, advance: (ms: number) => (now += ms) };
}

async function openMemoryStore(clock: { now(): number }): Promise<TwinStore> {
  const config = defaultStoreConfig();
  config.sqlite.path = ':memory:';
  return openConfiguredStore(config, { clock, resolutionMs: 10_000, collectorId: 'test' });
}

/** A store whose writes fail while `down` is set, recording what reached it. */
function flaky(store: TwinStore): { store: TwinStore; written: TwinDelta[]; setDown(down: boolean): void } {
  let down = false;
  const written: TwinDelta[] = [];
  const wrapper = Object.create(store) as TwinStore;
  wrapper.writeDelta = async (delta) => {
    if (down) throw new Error('disk I/O error');
    written.push(delta);
    return store.writeDelta(delta);
  };
  return { store: wrapper, written, setDown: (value) => (down = value) };
}

const host = (twin: Twin, name: string, value: number, t: number) => {
  twin.upsertEntity({ id: `host:${name}`, type: 'host', level: 'asset' });
  twin.recordSignal(`host:${name}`, 'cpu', '1', 'gauge', t, value);
};

describe('createPersistence', () => {
  it('restores what an earlier twin flushed', async () => {
    const first = setup();
    const store = await openMemoryStore(first.clock);
    const persistence = createPersistence(defaultStoreConfig(), { ...first, store, retentionMs: 3_600_000 });
    await persistence.start();
    host(first.twin, 'web-1', 0.5, T0);
    await persistence.stop();

    const second = setup();
    await createPersistence(defaultStoreConfig(), { ...second, store, retentionMs: 3_600_000 }).start();
    expect(second.twin.getEntity('host:web-1')?.signals).toEqual([{ name: 'cpu', unit: '1', kind: 'gauge', latest: { t: T0, v: 0.5 } }]);
    await store.close();
  });

  it('keeps a failed batch and writes it before the next one, in order, once the store is back', async () => {
    const { twin, clock, metrics, logger, warnings, advance } = setup();
    const store = flaky(await openMemoryStore(clock));
    const persistence = createPersistence(defaultStoreConfig(), { twin, clock, metrics, logger, store: store.store, retentionMs: 3_600_000 });
    await persistence.start();

    store.setDown(true);
    host(twin, 'web-1', 0.25, T0);
    await persistence.flush();
    expect(warnings).toEqual(['store write failed; retrying at the next flush']);
    expect(metrics.get('twinops_store_flushes_total', { outcome: 'error' })).toBe(1);

    store.setDown(false);
    advance(10_000);
    host(twin, 'web-2', 0.75, T0 + 10_000);
    await persistence.flush();
    expect(store.written.map((d) => d.entities.map((e) => e.id))).toEqual([['host:web-1'], ['host:web-2']]);
    expect(metrics.get('twinops_store_flushes_total', { outcome: 'ok' })).toBe(2);
    expect(metrics.get('twinops_store_points_written_total')).toBe(2);
    expect((await store.store.loadState(0)).entities.map((e) => e.id).sort()).toEqual(['host:web-1', 'host:web-2']);
    await persistence.stop();
    await store.store.close();
  });

  it('drops the oldest batches, counted, when the store stays down', async () => {
    const { twin, clock, metrics, logger } = setup();
    const store = flaky(await openMemoryStore(clock));
    store.setDown(true);
    const persistence = createPersistence(defaultStoreConfig(), { twin, clock, metrics, logger, store: store.store, retentionMs: 3_600_000 });
    await persistence.start();
    for (let i = 0; i < 15; i++) {
      host(twin, `web-${i}`, i, T0);
      await persistence.flush();
    }
    // Twelve batches wait; the three oldest went.
    expect(metrics.get('twinops_store_deltas_dropped_total')).toBe(3);
    store.setDown(false);
    await persistence.flush();
    expect(store.written.map((d) => d.entities[0]?.id)).toEqual(Array.from({ length: 12 }, (_, i) => `host:web-${i + 3}`));
    await persistence.stop();
    await store.store.close();
  });
});
