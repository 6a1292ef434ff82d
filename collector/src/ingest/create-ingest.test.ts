import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIngest, InventoryError } from './create-ingest';
import { metricsData, numberPoint, setupTwin } from './testdata/fixtures';

describe('createIngest', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'twinops-ingest-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts and shuts down without an inventory, twice over', async () => {
    const { twin, config, clock, metrics } = setupTwin();
    const ingest = createIngest(config, { twin, clock, metrics });
    await ingest.shutdown();
    await ingest.start();
    expect(await ingest.reload()).toEqual([]);
    await ingest.shutdown();
    await ingest.shutdown();
    expect(twin.stats().entities).toBe(0);
  });

  it('joins inventory hosts with telemetry hosts, and reloads', async () => {
    const file = join(dir, 'dc.yaml');
    writeFileSync(file, 'sites:\n  - id: ams1\n    rooms:\n      - id: a\n        racks:\n          - id: r1\n            hosts: [web-3]\n');
    const { twin, config, clock, metrics } = setupTwin((c) => (c.inventory.file = file));
    const ingest = createIngest(config, { twin, clock, metrics });
    await ingest.start();
    ingest.metrics.consumeMetrics(
      metricsData({ 'host.name': 'web-3' }, { name: 'cpu', description: '', unit: '1', metadata: {}, data: { type: 'gauge', dataPoints: [numberPoint(1, 0.4)] } }),
    );
    expect(twin.getEntity('host:web-3')?.parent).toBe('rack:ams1/r1');
    expect(twin.getEntity('host:web-3')?.signals.map((s) => s.name)).toEqual(['cpu']);

    // Move the host to a new rack; r1 goes away, the host stays.
    writeFileSync(file, 'sites:\n  - id: ams1\n    rooms:\n      - id: a\n        racks:\n          - id: r2\n            hosts: [web-3]\n');
    expect(await ingest.reload()).toEqual([]);
    expect(twin.getEntity('rack:ams1/r1')).toBeUndefined();
    expect(twin.getEntity('host:web-3')?.parent).toBe('rack:ams1/r2');
    expect(twin.getEntity('host:web-3')?.relations.map((r) => r.id)).toEqual(['contains:rack:ams1/r2->host:web-3']);

    // A broken file keeps the previous inventory.
    writeFileSync(file, 'sites:\n  - name: x\n');
    expect(await ingest.reload()).toEqual(['dc.yaml:2: sites[0].id: required']);
    expect(twin.getEntity('rack:ams1/r2')).toBeDefined();
    await ingest.shutdown();
  });

  it('puts the telemetry of a device that reports under a host name on its inventory entity', async () => {
    const file = join(dir, 'dc.yaml');
    writeFileSync(file, 'sites:\n  - id: ams1\n    rooms:\n      - id: a\n        cracs:\n          - {id: c1, host_name: crac-1}\n');
    const { twin, config, clock, metrics } = setupTwin((c) => (c.inventory.file = file));
    const ingest = createIngest(config, { twin, clock, metrics });
    await ingest.start();
    const point = { ...numberPoint(1, 19.5), attributes: { 'hw.id': 'supply', 'hw.type': 'temperature' } };
    ingest.metrics.consumeMetrics(
      metricsData({ 'host.name': 'crac-1', 'host.type': 'crac' }, { name: 'hw.temperature', description: '', unit: 'Cel', metadata: {}, data: { type: 'gauge', dataPoints: [point] } }),
    );
    expect(twin.getEntity('host:crac-1')).toBeUndefined();
    const crac = twin.getEntity('crac:ams1/c1');
    expect(crac?.attributes).toEqual({ host_name: 'crac-1', 'host.name': 'crac-1', 'host.type': 'crac' });
    expect(crac?.relations.map((r) => r.id).sort()).toEqual(['contains:crac:ams1/c1->hw:crac-1/supply', 'contains:room:ams1/a->crac:ams1/c1']);
    expect(twin.getEntity('hw:crac-1/supply')?.signals.map((s) => [s.name, s.latest?.v])).toEqual([['hw.temperature', 19.5]]);
    await ingest.shutdown();
  });

  it('fails to start on a broken inventory, listing every problem', async () => {
    const file = join(dir, 'dc.csv');
    writeFileSync(file, 'type,id,parent\nrack,r1,\nroom,x,\n');
    const { twin, config, clock, metrics } = setupTwin((c) => (c.inventory.file = file));
    const ingest = createIngest(config, { twin, clock, metrics });
    await expect(ingest.start()).rejects.toEqual(
      new InventoryError(['dc.csv:2: column parent: required', 'dc.csv:3: column parent: required']),
    );
    await expect(ingest.start()).rejects.toThrow('invalid inventory:\n  - dc.csv:2: column parent: required');
  });
});
