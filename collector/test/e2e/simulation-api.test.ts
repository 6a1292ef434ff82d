/**
 * The simulation API on a collector holding the demo's inventory (no telemetry: the physics runs
 * on its priors): scenarios run inline or as jobs on their own thread, bad ones are answered 400
 * naming the field, saved scenarios are stored, listed, run again and deleted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataCenterLayout, renderInventoryYaml } from '@twinops/demo';
import { sleep } from '../support/root-cause-probe';
import { startTestCollector } from '../support/test-collector';
import type { TestCollector } from '../support/test-collector';

interface Job {
  id: string;
  status: string;
  scenarioName?: string;
  result?: { timestamps: number[]; series: { entity: string; signal: string }[]; violations: { kind: string; entity: string }[] };
}

const dir = mkdtempSync(join(tmpdir(), 'twinops-simulation-api-'));
let twin: TestCollector;

beforeAll(async () => {
  const inventory = join(dir, 'inventory.yaml');
  writeFileSync(inventory, renderInventoryYaml(createDataCenterLayout()));
  // Anything above 10,000 (entities × steps × runs) becomes a job.
  twin = await startTestCollector({ twin: { inventory: { file: inventory } }, simulate: { inline_max_work: 10_000 } });
});

afterAll(async () => {
  await twin?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const failCrac = { horizon_seconds: 600, step_seconds: 60, changes: [{ type: 'fail', target: 'crac:dc1/crac-a1' }] };

it('answers a small scenario at once with the predicted series beside the baseline', async () => {
  const { status, body } = await twin.sendJson<Job>('/api/v1/simulations', failCrac);
  expect({ status, state: body.status, steps: body.result?.timestamps.length }).toEqual({ status: 200, state: 'done', steps: 11 });
  expect(body.result?.series.map((s) => `${s.entity}|${s.signal}`)).toEqual(expect.arrayContaining(['crac:dc1/crac-a1|crac.load', 'room:dc1/hall-a|room.return.temperature']));
  expect(await twin.metricValue('twinops_simulations_total{mode="inline",outcome="ok"}')).toBe(1);
});

it('runs a large scenario as a job on its own thread, polled until done', async () => {
  const { status, body } = await twin.sendJson<Job>('/api/v1/simulations', { ...failCrac, horizon_seconds: 3600, step_seconds: 10 });
  expect({ status, state: body.status }).toEqual({ status: 202, state: expect.stringMatching(/^(queued|running)$/) });
  let job = body;
  for (let i = 0; i < 120 && job.status !== 'done' && job.status !== 'failed'; i++) {
    await sleep(250);
    job = (await twin.getJson<Job>(`/api/v1/simulations/${job.id}`)).body;
  }
  expect({ state: job.status, steps: job.result?.timestamps.length }).toEqual({ state: 'done', steps: 361 });
  expect(await twin.metricValue('twinops_simulations_total{mode="job",outcome="ok"}')).toBe(1);
  expect((await twin.getJson('/api/v1/simulations/sim-999')).status).toBe(404);
});

it.each([
  [{ horizon_seconds: 600, step_seconds: 60, changes: [{ type: 'scale_load', factor: -1 }] }, 'changes[0].factor: must be a positive number, got -1'],
  [{ horizon_seconds: 600, step_seconds: 60, changes: [{ type: 'fail', target: 'crac:dc1/nope' }] }, 'changes[0].target: unknown host, rack, CRAC, PDU, instance or link "from->to" "crac:dc1/nope"'],
])('answers 400 naming the field for %j', async (scenario, message) => {
  const { status, body } = await twin.sendJson<{ error: { code: string; message: string } }>('/api/v1/simulations', scenario);
  expect(status).toBe(400);
  expect(body.error.code).toBe('bad_request');
  expect(body.error.message).toContain(message);
});

it('saves, lists, runs again and deletes a named scenario', async () => {
  const saved = await twin.sendJson<{ name: string; version: number; scenario: object }>('/api/v1/scenarios/crac-a1-down', failCrac, 'PUT');
  expect(saved).toEqual({ status: 200, body: expect.objectContaining({ name: 'crac-a1-down', version: 1, updatedBy: 'api', scenario: failCrac }) });
  expect((await twin.sendJson('/api/v1/scenarios/crac-a1-down', failCrac, 'PUT')).body).toMatchObject({ version: 2 });
  expect((await twin.sendJson('/api/v1/scenarios/bad', { horizon_seconds: 0, step_seconds: 60, changes: [] }, 'PUT')).status).toBe(400);
  const listed = await twin.getJson<{ items: { name: string }[] }>('/api/v1/scenarios');
  expect(listed.body.items.map((s) => s.name)).toEqual(['crac-a1-down']);
  const run = await twin.sendJson<Job>('/api/v1/scenarios/crac-a1-down/run', {});
  expect({ status: run.status, state: run.body.status, name: run.body.scenarioName }).toEqual({ status: 200, state: 'done', name: 'crac-a1-down' });
  expect((await twin.sendJson('/api/v1/scenarios/crac-a1-down', undefined, 'DELETE')).status).toBe(204);
  expect((await twin.getJson('/api/v1/scenarios/crac-a1-down')).status).toBe(404);
  expect((await twin.sendJson('/api/v1/scenarios/nope/run', {})).status).toBe(404);
});

it('shows the calibrated physics with each fit’s quality', async () => {
  const { status, body } = await twin.getJson<{ dataCenter: { servers: { id: string; powerFit: { source: string } }[]; cracs: { id: string }[] } }>('/api/v1/physics');
  expect(status).toBe(200);
  expect(body.dataCenter.servers).toHaveLength(84);
  // No telemetry: every server's power model is its nameplate prior.
  expect(new Set(body.dataCenter.servers.map((s) => s.powerFit.source))).toEqual(new Set(['prior']));
  expect(body.dataCenter.cracs.map((c) => c.id).sort()).toEqual(['crac:dc1/crac-a1', 'crac:dc1/crac-a2', 'crac:dc1/crac-b1', 'crac:dc1/crac-b2']);
});
