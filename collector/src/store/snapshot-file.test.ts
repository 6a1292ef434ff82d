import { parseSnapshot } from './snapshot-file';

const empty = { format: 'twinops-snapshot', version: 1, schemaVersion: 1, exportedAt: 0, state: { entities: [], relations: [], signals: [], events: [] }, rollups: [], objects: [], audit: [] };

describe('parseSnapshot', () => {
  it('accepts a well-formed snapshot', () => {
    expect(parseSnapshot(JSON.stringify(empty), 'backup.json')).toEqual({ ok: true, snapshot: empty });
  });

  it.each([
    ['{', /^backup\.json: not JSON: /],
    ['[]', /^backup\.json: must be a JSON object$/],
  ])('refuses %s', (text, message) => {
    const result = parseSnapshot(text, 'backup.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(message);
  });

  it('names the file and every field at fault', () => {
    const bad = {
      ...empty,
      version: 2,
      state: {
        entities: [{ id: 'host:a', type: 'host', level: 'planet', name: 'a', attributes: {}, desired: {}, firstSeen: 1, lastSeen: 2 }],
        relations: 'none',
        signals: [{ entity: 'host:a', name: 'cpu', unit: '1', kind: 'gauge', points: [{ t: 1 }] }],
        events: [],
      },
    };
    expect(parseSnapshot(JSON.stringify(bad), 'backup.json')).toEqual({
      ok: false,
      errors: [
        'backup.json: version: must be 1 (this collector reads version 1), got 2',
        'backup.json: state.entities[0].level: must be one of component, asset, system, process, enterprise',
        'backup.json: state.relations: must be a list',
        'backup.json: state.signals[0].points: must be a list of {t, v} numbers',
      ],
    });
  });
});

describe('parseSnapshot: saved scenarios', () => {
  const scenario = { name: 'peak', scenario: '{"changes":[]}', version: 2, updatedAt: 5, updatedBy: 'ops' };

  it.each([
    ['without scenarios (a store from before them)', empty],
    ['with scenarios', { ...empty, scenarios: [scenario] }],
  ])('accepts a snapshot %s', (_name, snapshot) => {
    expect(parseSnapshot(JSON.stringify(snapshot), 'backup.json')).toEqual({ ok: true, snapshot });
  });

  it.each([
    [{ ...empty, scenarios: {} }, ['backup.json: scenarios: must be a list']],
    [
      { ...empty, scenarios: [{ ...scenario, scenario: { changes: [] }, updatedBy: undefined }] },
      ['backup.json: scenarios[0].scenario: must be a string', 'backup.json: scenarios[0].updatedBy: must be a string'],
    ],
  ])('names what is wrong in %j', (snapshot, errors) => {
    expect(parseSnapshot(JSON.stringify(snapshot), 'backup.json')).toEqual({ ok: false, errors });
  });
});
