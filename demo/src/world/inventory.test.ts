import { renderInventoryYaml } from './inventory';
import { addServersToLayout } from './add-servers';
import { createDataCenterLayout } from './layout';

/** The collector's own parser. The path is a variable so that tsc does not pull the collector's
 * sources under this workspace's rootDir; Jest resolves it at run time. */
const COLLECTOR_INVENTORY = '../../../collector/src/ingest/inventory';
interface Graph {
  entities: { id: string; type: string; attributes: Record<string, unknown> }[];
  relations: { from: string; to: string; type: string }[];
}
type Parse = (text: string, file: string, format: 'yaml') => { ok: true; graph: Graph } | { ok: false; errors: string[] };

describe('renderInventoryYaml', () => {
  let entities: Graph['entities'] = [];
  let relations: Graph['relations'] = [];
  beforeAll(async () => {
    const { parseInventory } = (await import(COLLECTOR_INVENTORY)) as { parseInventory: Parse };
    const result = parseInventory(renderInventoryYaml(createDataCenterLayout()), 'demo-inventory.yaml', 'yaml');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    ({ entities, relations } = result.graph);
  });
  const count = <T>(list: T[], key: (x: T) => string) =>
    list.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});

  it('parses with the collector into the expected entities', () => {
    expect(count(entities, (e) => e.type)).toEqual({ enterprise: 1, site: 1, room: 2, row: 4, rack: 12, host: 84, crac: 4, pdu: 4 });
    expect(entities).toHaveLength(112);
  });

  it('gives contains, cools and powers relations', () => {
    // contains: site 1 + rooms 2 + rows 4 + racks 12 + hosts 84 + cracs 4 + pdus 4 = 111.
    expect(count(relations, (r) => r.type)).toEqual({ contains: 111, cools: 24, powers: 12 });
    expect(relations).toContainEqual({ from: 'crac:dc1/crac-b2', to: 'rack:dc1/r12', type: 'cools' });
    expect(relations).toContainEqual({ from: 'pdu:dc1/pdu-a2', to: 'rack:dc1/r04', type: 'powers' });
    expect(relations).toContainEqual({ from: 'rack:dc1/r12', to: 'host:r12-s7', type: 'contains' });
  });

  it('carries positions, capacities and setpoints', () => {
    const byId = new Map(entities.map((e) => [e.id, e.attributes]));
    expect(byId.get('rack:dc1/r05')).toEqual({ position: 'A2-2', height_u: 42, capacity_watts: 5000 });
    expect(byId.get('crac:dc1/crac-a1')).toEqual({ capacity_watts: 14000, supply_setpoint_celsius: 18, host_name: 'crac-a1', airflow_cubic_metres_per_second: 0.75 });
    expect(byId.get('pdu:dc1/pdu-b1')).toEqual({ capacity_watts: 12000, host_name: 'pdu-b1' });
    expect(byId.get('host:r01-s7')).toEqual({
      position_u: 37,
      model: 'edge-1u',
      vendor: 'Contoso',
      cores: 16,
      memory_bytes: 68719476736,
      idle_power_watts: 110,
      peak_power_watts: 350,
    });
  });

  it('renders servers added to a rack after their rack mates', async () => {
    const { parseInventory } = (await import(COLLECTOR_INVENTORY)) as { parseInventory: Parse };
    const grown = addServersToLayout(createDataCenterLayout(), { rack: 'r01', count: 2, model: 'r01-s7' }).layout;
    const result = parseInventory(renderInventoryYaml(grown), 'demo-inventory.yaml', 'yaml');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(count(result.graph.entities, (e) => e.type).host).toBe(86);
    expect(result.graph.relations).toContainEqual({ from: 'rack:dc1/r01', to: 'host:r01-s9', type: 'contains' });
    expect(result.graph.entities.find((e) => e.id === 'host:r01-s9')?.attributes).toMatchObject({ position_u: 4, model: 'edge-1u', cores: 16 });
  });
});
