import { loadInventory, parseInventory } from './load-inventory';

const file = (name: string) => `${__dirname}/testdata/${name}`;

const EXPECTED_ENTITIES = [
  'enterprise:acme enterprise ACME Corp {}',
  'site:ams1 system Amsterdam 1 {"location":"Schiphol-Rijk"}',
  'room:ams1/hall-a system hall-a {}',
  'row:ams1/hall-a/a system a {}',
  'rack:ams1/r12 asset r12 {"position":"A12","height_u":42}',
  'host:web-3 asset web-3 {}',
  'host:web-4 asset web-4 {"position_u":10}',
  'rack:ams1/r13 asset r13 {}',
  'crac:ams1/c2 asset c2 {"capacity_watts":30000,"supply_setpoint_celsius":18}',
  'pdu:ams1/p1 asset p1 {"capacity_watts":11000,"vendor":"APC","phases":3}',
];

const EXPECTED_RELATIONS = [
  'enterprise:acme contains site:ams1',
  'site:ams1 contains room:ams1/hall-a',
  'room:ams1/hall-a contains row:ams1/hall-a/a',
  'row:ams1/hall-a/a contains rack:ams1/r12',
  'rack:ams1/r12 contains host:web-3',
  'rack:ams1/r12 contains host:web-4',
  'row:ams1/hall-a/a contains rack:ams1/r13',
  'room:ams1/hall-a contains crac:ams1/c2',
  'crac:ams1/c2 cools rack:ams1/r12',
  'crac:ams1/c2 cools rack:ams1/r13',
  'room:ams1/hall-a contains pdu:ams1/p1',
  'pdu:ams1/p1 powers rack:ams1/r12',
  'pdu:ams1/p1 powers host:web-4',
];

describe('loadInventory', () => {
  it.each(['inventory.yaml', 'inventory.csv'])('reads %s into entities and relations', async (name) => {
    const result = await loadInventory(file(name));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { entities, relations } = result.graph;
    const sortedByCsvOrder = (list: string[]) => [...list].sort();
    expect(sortedByCsvOrder(entities.map((e) => `${e.id} ${e.level} ${e.name} ${JSON.stringify(e.attributes)}`))).toEqual(
      sortedByCsvOrder(EXPECTED_ENTITIES.map((e) => (name.endsWith('.csv') ? e.replace(/"phases":3/, '"phases":"3"') : e))),
    );
    expect(sortedByCsvOrder(relations.map((r) => `${r.from} ${r.type} ${r.to}`))).toEqual(sortedByCsvOrder(EXPECTED_RELATIONS));
    if (name.endsWith('.yaml')) expect(relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toEqual(EXPECTED_RELATIONS);
  });

  it('reports every YAML problem with file, line and path', async () => {
    expect(await loadInventory(file('errors.yaml'))).toEqual({
      ok: false,
      errors: [
        'errors.yaml:7: sites[0].rooms[0].racks[1].id: required',
        'errors.yaml:8: sites[0].rooms[0].racks[2].id: duplicate rack "r1"',
        'errors.yaml:9: sites[0].rooms[0].racks[3].id: must contain only letters, digits, ".", "_" and "-", got "bad/id"',
        'errors.yaml:10: sites[0].rooms[0].racks[3].height_u: must be a number, got "tall"',
        'errors.yaml:11: sites[0].rooms[0].racks[3].hosts[1].id: duplicate host "web-1"',
        'errors.yaml:14: sites[0].rooms[0].cracs[0].cools[1]: unknown rack "r99"',
        'errors.yaml:15: sites[0].rooms[0].cracs[0].fans: unknown key',
        'errors.yaml:18: sites[0].rooms[0].pdus[0].powers: must be a list',
        'errors.yaml:19: sites[0].rooms[0].pdus[0].attributes.nested: must be a string, number or boolean',
        'errors.yaml:20: sites[1].id: required',
        'errors.yaml:21: stray: unknown key',
      ],
    });
  });

  it('reports every CSV problem with file, line and column', async () => {
    expect(await loadInventory(file('errors.csv'))).toEqual({
      ok: false,
      errors: [
        'errors.csv:5: column type: must be one of enterprise, site, room, row, rack, host, crac, pdu, got "cage"',
        'errors.csv:6: column id: required',
        'errors.csv:7: column capacity_watts: must be a number, got "lots"',
        'errors.csv:7: column cools: unknown rack "r99"',
        'errors.csv:8: column cools: must be empty for a rack',
        'errors.csv:8: column parent: unknown row or room "hall-b"',
        'errors.csv:9: column parent: must be empty for a site',
        'errors.csv:10: column powers: unknown rack or host "ghost"',
        'errors.csv:11: 8 fields, the header has 7',
      ],
    });
  });

  it.each([
    ['syntax.yaml', /^syntax\.yaml:4: YAML syntax: /],
    ['missing-columns.csv', /^missing-columns\.csv:1: missing column "type"$/],
    ['nothing-here.yaml', /^nothing-here\.yaml: cannot read the file: ENOENT/],
    ['inventory.json', /^inventory\.json: must end in \.yaml, \.yml or \.csv$/],
  ])('reports %s', async (name, pattern) => {
    const result = await loadInventory(file(name));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(pattern);
  });

  it('accepts an empty file and gives the default enterprise root', () => {
    expect(parseInventory('', 'empty.yaml', 'yaml')).toEqual({
      ok: true,
      graph: { entities: [{ id: 'enterprise:default', type: 'enterprise', level: 'enterprise', name: 'enterprise', attributes: {} }], relations: [], hostAliases: [] },
    });
  });

  it('names the devices that report under a host name, and refuses a name claimed twice', () => {
    const yaml = [
      'sites:',
      '  - id: s',
      '    rooms:',
      '      - id: a',
      '        racks: [{id: r1, hosts: [web-1]}]',
      '        cracs: [{id: c1, host_name: crac-1}, {id: c2, host_name: web-1}]',
      '        pdus: [{id: p1, host_name: crac-1}, {id: p2, host_name: pdu-2}]',
    ].join('\n');
    const result = parseInventory(yaml, 'dc.yaml', 'yaml');
    expect(result).toEqual({
      ok: false,
      errors: ['dc.yaml:6: sites[0].rooms[0].cracs[1].host_name: "web-1" already names host:web-1', 'dc.yaml:7: sites[0].rooms[0].pdus[0].host_name: "crac-1" already names crac:s/c1'],
    });
    const valid = parseInventory(yaml.replace('host_name: web-1', 'host_name: crac-2').replace('{id: p1, host_name: crac-1}', '{id: p1}'), 'dc.yaml', 'yaml');
    expect(valid.ok && valid.graph.hostAliases).toEqual([
      { hostName: 'crac-1', entity: { id: 'crac:s/c1', type: 'crac', level: 'asset' } },
      { hostName: 'crac-2', entity: { id: 'crac:s/c2', type: 'crac', level: 'asset' } },
      { hostName: 'pdu-2', entity: { id: 'pdu:s/p2', type: 'pdu', level: 'asset' } },
    ]);
  });
});
