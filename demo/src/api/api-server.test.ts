import { createSimulation } from '../runner';
import { createApiServer, defaultApiServerConfig } from './api-server';
import type { ApiServer } from './api-server';

const TOKEN = 'test-token';
const auth = { authorization: `Bearer ${TOKEN}` };

function setup(token = TOKEN) {
  const simulation = createSimulation({ seed: 1, settleSeconds: 60 });
  const lines: Array<{ message: string; fields: Record<string, unknown> }> = [];
  const server = createApiServer(
    { ...defaultApiServerConfig(), token, auditLimit: 3 },
    { simulation, logger: { info: (message, fields) => lines.push({ message, fields }) }, clock: () => new Date('2025-06-01T12:00:00Z') },
  );
  return { simulation, server, lines };
}
const post = (server: ApiServer, url: string, payload: unknown, headers: Record<string, string> = auth) =>
  server.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('createApiServer', () => {
  it('answers /healthz without a token', async () => {
    const { server } = setup();
    const res = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect([res.statusCode, res.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('generates a random token when none is given', () => {
    const a = setup('').server.token;
    const b = setup('').server.token;
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it.each([
    [undefined, 'missing bearer token (Authorization: Bearer <token>)', 'anonymous'],
    ['Bearer wrong', 'invalid bearer token', 'invalid'],
    [TOKEN, 'invalid bearer token', 'invalid'],
  ])('answers 401 to authorization %p', async (header, message, caller) => {
    const { server } = setup();
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/truth', headers: header === undefined ? {} : { authorization: header } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ error: { code: 'unauthenticated', message } });
    expect(server.audit.list().map((e) => [e.caller, e.action, e.result])).toEqual([
      [caller, 'GET /api/v1/truth', { status: 401, code: 'unauthenticated', message }],
    ]);
  });

  it('injects, lists and clears faults', async () => {
    const { server, simulation } = setup();
    const created = await post(server, '/api/v1/faults', { fault: 'crac_failure', target: 'crac-a1' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 'f1', fault: 'crac_failure', target: 'crac-a1', rootCause: 'crac:dc1/crac-a1', since: 1_704_067_200 });
    simulation.advanceTo(10);
    const listed = await server.app.inject({ method: 'GET', url: '/api/v1/faults', headers: auth });
    expect(listed.json()).toEqual({ faults: [created.json()], scheduled: [] });
    const truth = await server.app.inject({ method: 'GET', url: '/api/v1/truth', headers: auth });
    expect(truth.json().world.cracs[0]).toMatchObject({ id: 'crac-a1', failed: true });
    const cleared = await server.app.inject({ method: 'DELETE', url: '/api/v1/faults/f1', headers: auth });
    expect([cleared.statusCode, cleared.json().id]).toEqual([200, 'f1']);
    const again = await server.app.inject({ method: 'DELETE', url: '/api/v1/faults/f1', headers: auth });
    expect([again.statusCode, again.json()]).toEqual([404, { error: { code: 'not_found', message: "no fault in force with id 'f1'" } }]);
  });

  it.each([
    ['/api/v1/faults', { fault: 'meteor' }, 400, 'invalid_argument', "unknown fault 'meteor': expected one of crac_failure, fan_failure, hot_spot, memory_leak, latency_regression, slow_database, traffic_spike, host_crash"],
    ['/api/v1/faults', { target: 'crac-a1' }, 400, 'invalid_argument', 'fault: must be a non-empty string, got nothing'],
    ['/api/v1/faults', { fault: 'host_crash', target: 'r99-s1' }, 404, 'not_found', "fault 'host_crash': unknown host 'r99-s1'"],
    ['/api/v1/faults', { fault: 'hot_spot', target: 'r01', level: 2 }, 400, 'invalid_argument', 'level: unknown field (expected fault, target)'],
    ['/api/v1/faults', [1], 400, 'invalid_argument', 'body: must be a JSON object, got [1]'],
    ['/api/v1/actuators/migrate', { instance: 'cart-1' }, 400, 'invalid_argument', 'to_host: must be a non-empty string, got nothing'],
    ['/api/v1/actuators/migrate', { instance: 'cart-7', to_host: 'r01-s1' }, 404, 'not_found', "unknown instance 'cart-7'"],
    ['/api/v1/actuators/scale', { service: 'cart', instances: 2.5 }, 400, 'invalid_argument', 'instances: must be an integer, got 2.5'],
    ['/api/v1/actuators/scale', { service: 'cart', instances: 50 }, 400, 'invalid_argument', 'instances: must be an integer from 1 to 20, got 50'],
    ['/api/v1/actuators/restart', { service: 'mailer' }, 404, 'not_found', "unknown service 'mailer'"],
    ['/api/v1/actuators/crac-setpoint', { crac: 'crac-a1', celsius: '16' }, 400, 'invalid_argument', 'celsius: must be a number, got "16"'],
    ['/api/v1/actuators/crac-setpoint', { crac: 'crac-a1', celsius: 5 }, 400, 'invalid_argument', 'celsius: must be between 10 and 35, got 5'],
    ['/api/v1/actuators/crac-fan-speed', { crac: 'crac-x', ratio: 0.5 }, 404, 'not_found', 'unknown crac "crac-x"'],
    ['/api/v1/actuators/host-power', { host: 'r01-s1', on: 'yes' }, 400, 'invalid_argument', 'on: must be true or false, got "yes"'],
    ['/api/v1/actuators/add-servers', { rack: 'r01', count: '2' }, 400, 'invalid_argument', 'count: must be an integer, got "2"'],
    ['/api/v1/actuators/add-servers', { rack: 'r01', count: 15 }, 400, 'invalid_argument', 'count: must be at most 14 (free places for storage-2u in rack r01), got 15'],
    ['/api/v1/actuators/add-servers', { rack: 'r01', count: 1, model: '' }, 400, 'invalid_argument', 'model: must be a non-empty string, got ""'],
    ['/api/v1/actuators/add-servers', { rack: 'r42', count: 1 }, 404, 'not_found', "unknown rack 'r42'"],
    ['/api/v1/actuators/load-factor', { factor: -1 }, 400, 'invalid_argument', 'factor: must be a number > 0 and at most 100, got -1'],
    ['/api/v1/actuators/load-factor', { factor: 2, service: 'cart' }, 400, 'invalid_argument', "service: must be an entry service (frontend), got 'cart'"],
    ['/api/v1/actuators/load-factor', { factor: 2, rack: 'r01' }, 400, 'invalid_argument', 'rack: unknown field (expected factor, service)'],
    ['/api/v1/actuators/move-load', { from_rack: 'r01', to_rack: 'r02' }, 400, 'invalid_argument', 'fraction: must be a number, got nothing'],
    ['/api/v1/actuators/move-load', { from_rack: 'r01', to_rack: 'r02', fraction: 2 }, 400, 'invalid_argument', 'fraction: must be between 0 and 1, got 2'],
    ['/api/v1/actuators/teleport', {}, 404, 'not_found', 'no route POST /api/v1/actuators/teleport'],
  ])('POST %s %j -> %d', async (url, body, status, code, message) => {
    const { server } = setup();
    const res = await post(server, url, body);
    expect([res.statusCode, res.json()]).toEqual([status, { error: { code, message } }]);
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const { server } = setup();
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/faults', payload: '{"fault":', headers: { ...auth, 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_argument');
    expect(res.json().error.message).toMatch(/^body: /);
  });

  it('each actuator changes the simulation', async () => {
    const { server, simulation } = setup();
    const ok = async (url: string, body: unknown) => expect((await post(server, url, body)).json()).toEqual({ status: 'ok' });
    await ok('/api/v1/actuators/migrate', { instance: 'cart-1', to_host: 'r12-s7' });
    await ok('/api/v1/actuators/scale', { service: 'payment', instances: 4 });
    await ok('/api/v1/actuators/crac-setpoint', { crac: 'crac-b1', celsius: 16 });
    await ok('/api/v1/actuators/crac-fan-speed', { crac: 'crac-b1', ratio: 0.6 });
    await ok('/api/v1/actuators/host-power', { host: 'r05-s5', on: false });
    await post(server, '/api/v1/faults', { fault: 'memory_leak', target: 'cart' });
    simulation.advanceTo(60);
    await ok('/api/v1/actuators/restart', { service: 'cart' });
    const truth = simulation.truth();
    expect(truth.shop.instances.find((i) => i.id === 'cart-1')).toMatchObject({ host: 'r12-s7', memoryBytes: 192 * 1024 ** 2 });
    expect(truth.shop.instances.filter((i) => i.service === 'payment')).toHaveLength(4);
    expect(truth.world.cracs.find((c) => c.id === 'crac-b1')).toMatchObject({ setpointCelsius: 16, fanSpeedRatio: 0.6 });
    expect(truth.world.hosts.find((h) => h.name === 'r05-s5')?.up).toBe(false);
    expect(truth.faults).toEqual([]);
  });

  it('audits every call, logs it and keeps the last auditLimit entries', async () => {
    const { server, lines } = setup();
    await post(server, '/api/v1/actuators/scale', { service: 'cart', instances: 3 });
    await post(server, '/api/v1/faults', { fault: 'slow_database' });
    await post(server, '/api/v1/actuators/restart', { service: 'nope' });
    await post(server, '/api/v1/actuators/restart', { service: 'cart' });
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/audit', headers: auth });
    expect(res.json().entries).toEqual([
      { time: '2025-06-01T12:00:00.000Z', simulatedEpochSeconds: 1_704_067_200, caller: 'demo', action: 'fault.inject', arguments: { fault: 'slow_database' }, result: { status: 201, faultId: 'f1' } },
      {
        time: '2025-06-01T12:00:00.000Z', simulatedEpochSeconds: 1_704_067_200, caller: 'demo', action: 'actuator.restart', arguments: { service: 'nope' },
        result: { status: 404, code: 'not_found', message: "unknown service 'nope'" },
      },
      { time: '2025-06-01T12:00:00.000Z', simulatedEpochSeconds: 1_704_067_200, caller: 'demo', action: 'actuator.restart', arguments: { service: 'cart' }, result: { status: 200 } },
    ]);
    expect(lines.map((l) => l.message)).toEqual(['audit actuator.scale 200', 'audit fault.inject 201', 'audit actuator.restart 404', 'audit actuator.restart 200']);
    expect(lines[0].fields.audit).toMatchObject({ caller: 'demo', arguments: { service: 'cart', instances: 3 } });
  });

  it('serves on an ephemeral port', async () => {
    const { server } = setup();
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${address}/api/v1/faults`, { headers: auth });
      expect([res.status, await res.json()]).toEqual([200, { faults: [], scheduled: [] }]);
    } finally {
      await server.app.close();
    }
  });

  it('adds servers, scales the load and moves a rack\'s load, answering what it did, audited', async () => {
    const { server, simulation } = setup();
    const added = await post(server, '/api/v1/actuators/add-servers', { rack: 'r02', count: 2, model: 'r02-s7' });
    expect([added.statusCode, added.json()]).toEqual([200, { status: 'ok', hosts: ['r02-s8', 'r02-s9'] }]);
    const factor = await post(server, '/api/v1/actuators/load-factor', { factor: 1.5, service: 'frontend' });
    expect([factor.statusCode, factor.json()]).toEqual([200, { status: 'ok' }]);
    const moved = await post(server, '/api/v1/actuators/move-load', { from_rack: 'r01', to_rack: 'r02', fraction: 1 });
    expect([moved.statusCode, moved.json()]).toEqual([200, { status: 'ok', moved: [{ instance: 'frontend-1', toHost: 'r02-s3' }, { instance: 'payment-1', toHost: 'r02-s4' }] }]);
    simulation.advanceTo(10);
    expect(simulation.truth().shop.loadFactors).toEqual({ site: 1, services: { frontend: 1.5 } });
    expect(simulation.latest()?.sensors.hosts.map((h) => h.name).slice(-2)).toEqual(['r02-s8', 'r02-s9']);
    expect(server.audit.list().map((e) => [e.action, e.arguments, e.result.status])).toEqual([
      ['actuator.add-servers', { rack: 'r02', count: 2, model: 'r02-s7' }, 200],
      ['actuator.load-factor', { factor: 1.5, service: 'frontend' }, 200],
      ['actuator.move-load', { from_rack: 'r01', to_rack: 'r02', fraction: 1 }, 200],
    ]);
    const inventory = await server.app.inject({ method: 'GET', url: '/api/v1/inventory', headers: auth });
    expect(inventory.headers['content-type']).toMatch(/^application\/yaml/);
    expect(inventory.body).toContain('id: r02-s9');
  });
});
