import { floorPlan } from './floor-plan';
import { edge, node } from './test-graphs';
import type { TopologyGraph } from './graph-types';

const infra: TopologyGraph = {
  nodes: [
    node('site:dc1', { type: 'site', title: 'dc1' }),
    node('room:b', { type: 'room', title: 'Room B' }),
    node('room:a', { type: 'room', title: 'Room A' }),
    node('row:a2', { type: 'row', title: 'A2' }),
    node('row:a1', { type: 'row', title: 'A1' }),
    node('rack:r2', { type: 'rack', title: 'R2', stats: { power_watts: 3000, capacity_watts: 8000 } }),
    node('rack:r1', { type: 'rack', title: 'R1', stats: { power_watts: 5000 } }),
    node('rack:r3', { type: 'rack', title: 'R3' }),
    node('rack:b1', { type: 'rack', title: 'B1' }),
    node('host:h2', { type: 'host', title: 'h2', stats: { inlet_celsius: 29.5, power_watts: 400 } }),
    node('host:h1', { type: 'host', title: 'h1', stats: { inlet_celsius: 24 } }),
    node('hw:h1-cpu', { type: 'hw', title: 'cpu' }),
    node('crac:c2', { type: 'crac', title: 'CRAC 2', health: 'failing', stats: { supply_celsius: 18 } }),
    node('crac:c1', { type: 'crac', title: 'CRAC 1', stats: { supply_celsius: 16.5 } }),
    node('crac:loose', { type: 'crac', title: 'Loose' }),
    node('pdu:p1', { type: 'pdu', title: 'P1' }),
  ],
  edges: [
    edge('site:dc1', 'room:a', 'contains'),
    edge('site:dc1', 'room:b', 'contains'),
    edge('room:a', 'row:a1', 'contains'),
    edge('room:a', 'row:a2', 'contains'),
    edge('row:a1', 'rack:r2', 'contains'),
    edge('row:a1', 'rack:r1', 'contains'),
    edge('row:a2', 'rack:r3', 'contains'),
    edge('room:b', 'rack:b1', 'contains'),
    edge('rack:r1', 'host:h1', 'contains'),
    edge('rack:r1', 'host:h2', 'contains'),
    edge('host:h1', 'hw:h1-cpu', 'contains'),
    edge('room:a', 'crac:c2', 'contains'),
    edge('row:a2', 'crac:c1', 'contains'),
    edge('room:a', 'pdu:p1', 'contains'),
    edge('crac:c1', 'rack:r2', 'cools'),
    edge('crac:c1', 'rack:r1', 'cools'),
    edge('crac:c2', 'rack:r1', 'cools'),
    edge('crac:loose', 'rack:b1', 'cools'),
    edge('pdu:p1', 'rack:r1', 'powers'),
  ],
};

describe('floorPlan', () => {
  it('nests sites, rooms, rows, racks and servers by name, with stats and cooling', () => {
    expect(floorPlan(infra)).toEqual({
      sites: [
        {
          id: 'site:dc1',
          name: 'dc1',
          rooms: [
            {
              id: 'room:a',
              name: 'Room A',
              rows: [
                {
                  id: 'row:a1',
                  name: 'A1',
                  racks: [
                    {
                      id: 'rack:r1',
                      name: 'R1',
                      servers: [
                        { id: 'host:h1', name: 'h1', inletCelsius: 24 },
                        { id: 'host:h2', name: 'h2', inletCelsius: 29.5, powerWatts: 400 },
                      ],
                      inletCelsius: 29.5,
                      powerWatts: 5000,
                      coolingBy: ['crac:c1', 'crac:c2'],
                    },
                    {
                      id: 'rack:r2',
                      name: 'R2',
                      servers: [],
                      powerWatts: 3000,
                      capacityWatts: 8000,
                      headroomWatts: 5000,
                      coolingBy: ['crac:c1'],
                    },
                  ],
                },
                { id: 'row:a2', name: 'A2', racks: [{ id: 'rack:r3', name: 'R3', servers: [], coolingBy: [] }] },
              ],
              cracs: [
                { id: 'crac:c1', name: 'CRAC 1', cools: ['rack:r1', 'rack:r2'], supplyCelsius: 16.5, failed: false },
                { id: 'crac:c2', name: 'CRAC 2', cools: ['rack:r1'], supplyCelsius: 18, failed: true },
              ],
            },
            {
              id: 'room:b',
              name: 'Room B',
              rows: [
                {
                  id: 'room:b',
                  name: '',
                  racks: [{ id: 'rack:b1', name: 'B1', servers: [], coolingBy: ['crac:loose'] }],
                },
              ],
              cracs: [{ id: 'crac:loose', name: 'Loose', cools: ['rack:b1'], failed: false }],
            },
          ],
        },
      ],
    });
  });

  it('puts rooms under no site into a nameless site', () => {
    const graph: TopologyGraph = {
      nodes: [node('room:x', { type: 'room' }), node('site:s', { type: 'site' })],
      edges: [],
    };
    expect(floorPlan(graph)).toEqual({
      sites: [
        { id: '', name: '', rooms: [{ id: 'room:x', name: 'room:x', rows: [], cracs: [] }] },
        { id: 'site:s', name: 'site:s', rooms: [] },
      ],
    });
  });

  it('is empty without infrastructure', () => {
    expect(floorPlan({ nodes: [node('svc:a', { type: 'service' })], edges: [] })).toEqual({ sites: [] });
  });
});
