import { HOST } from './test-support/fake-twin';
import { createTestApp } from './test-support/test-app';

describe('PUT /api/v1/entities/{id}/desired and GET /api/v1/audit', () => {
  const calls: unknown[][] = [];
  const { app } = createTestApp({
    desiredState: {
      set: async (id, values, actor) => {
        calls.push([id, values, actor]);
        return id === HOST.id ? { ...HOST, desired: values } : undefined;
      },
    },
    audit: { listAudit: async (query) => [{ seq: 7, t: 1, actor: 'api', action: 'desired.set', target: HOST.id, detail: { query } }] },
  });
  const put = (id: string, body: unknown) =>
    app.inject({ method: 'PUT', url: `/api/v1/entities/${encodeURIComponent(id)}/desired`, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  it('merges the values, keeping their types, and answers with the entity', async () => {
    const res = await put(HOST.id, { power_cap_watts: 300, mode: 'eco', enabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().desired).toEqual({ power_cap_watts: 300, mode: 'eco', enabled: true });
    expect(calls.at(-1)).toEqual([HOST.id, { power_cap_watts: 300, mode: 'eco', enabled: true }, 'api']);
  });

  it.each([
    [{}, 'body: must NOT have fewer than 1 properties, got {}'],
    [{ nested: { a: 1 } }, 'nested: must be string,number,boolean, got {"a":1}'],
    [[1], 'body: must be object, got [1]'],
  ])('answers 400 for %j', async (body, message) => {
    const res = await put(HOST.id, body);
    expect([res.statusCode, res.json().error.message]).toEqual([400, message]);
  });

  it('answers 404 for an unknown entity', async () => {
    const res = await put('host:nowhere', { a: 1 });
    expect([res.statusCode, res.json()]).toEqual([404, { error: { code: 'not_found', message: 'entity "host:nowhere" not found' } }]);
  });

  it('lists the audit log with paging', async () => {
    const res = await app.inject('/api/v1/audit?limit=5&before=9');
    expect(res.json()).toEqual({ items: [{ seq: 7, t: 1, actor: 'api', action: 'desired.set', target: HOST.id, detail: { query: { limit: 5, beforeSeq: 9 } } }] });
    expect((await app.inject('/api/v1/audit?before=0')).statusCode).toBe(400);
  });
});
