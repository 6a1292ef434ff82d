/**
 * A real twin (createTwin) holding a small shop on a small data center, written along a fake
 * clock, for tests of the topology. Timeline, with NOW the API tests' "now":
 *
 * - T0 = NOW - 10 min: the inventory (enterprise > site > room > row > rack > hosts web-3, web-4;
 *   a CRAC cooling and a PDU powering the rack), a power supply in web-3, the services frontend
 *   (one instance on web-3) and checkout (instances on web-3 and web-4), an OS process, the
 *   virtual user and database, the flow "frontend POST /checkout", and the traffic edges.
 * - T0 + 60 s: frontend calls service:legacy (virtual) once, never again: idle at NOW.
 * - NOW - 10 s: every other traffic edge is touched again.
 */
import { createTwin, defaultTwinModelConfig, InMemoryMetricsRegistry } from '../../model';
import type { EntityInput, RelationType, Twin } from '../../model';
import { NOW } from './test-app';

export const T0 = NOW - 600_000;
export const LEGACY_AT = T0 + 60_000;
export const RECENT = NOW - 10_000;

export interface ShopTwin {
  twin: Twin;
  setTime(ms: number): void;
}

const entity = (id: string, type: string, level: EntityInput['level'], name: string, attributes: EntityInput['attributes'] = {}): EntityInput => ({
  id,
  type,
  level,
  name,
  attributes,
});

export const ENTITIES: EntityInput[] = [
  entity('enterprise:acme', 'enterprise', 'enterprise', 'Acme'),
  entity('site:ams1', 'site', 'system', 'Amsterdam 1'),
  entity('room:ams1/hall-a', 'room', 'system', 'Hall A'),
  entity('row:ams1/hall-a/r1', 'row', 'system', 'r1'),
  entity('rack:ams1/r12', 'rack', 'asset', 'r12'),
  entity('crac:ams1/c2', 'crac', 'asset', 'c2'),
  entity('pdu:ams1/p1', 'pdu', 'asset', 'p1'),
  entity('host:web-3', 'host', 'asset', 'web-3'),
  entity('host:web-4', 'host', 'asset', 'web-4'),
  entity('hw:web-3/psu0', 'hw', 'component', 'psu0', { 'hw.type': 'power_supply' }),
  entity('service:shop/frontend', 'service', 'system', 'frontend', { 'service.namespace': 'shop' }),
  entity('service:shop/checkout', 'service', 'system', 'checkout', { 'service.namespace': 'shop' }),
  entity('instance:shop/frontend/f1', 'instance', 'asset', 'f1'),
  entity('instance:shop/checkout/c1', 'instance', 'asset', 'c1'),
  entity('instance:shop/checkout/c2', 'instance', 'asset', 'c2'),
  entity('process:web-3/4242', 'process', 'asset', 'node'),
  entity('user', 'user', 'system', 'user', { virtual: true }),
  entity('database:postgresql/orders', 'database', 'system', 'postgresql orders', { virtual: true }),
  entity('flow:shop/frontend/POST /checkout', 'flow', 'process', 'frontend POST /checkout'),
];

type Edge = [from: string, to: string, type: RelationType, stats?: Record<string, number>];

export const STRUCTURE: Edge[] = [
  ['enterprise:acme', 'site:ams1', 'contains'],
  ['site:ams1', 'room:ams1/hall-a', 'contains'],
  ['room:ams1/hall-a', 'row:ams1/hall-a/r1', 'contains'],
  ['row:ams1/hall-a/r1', 'rack:ams1/r12', 'contains'],
  ['room:ams1/hall-a', 'crac:ams1/c2', 'contains'],
  ['room:ams1/hall-a', 'pdu:ams1/p1', 'contains'],
  ['rack:ams1/r12', 'host:web-3', 'contains'],
  ['rack:ams1/r12', 'host:web-4', 'contains'],
  ['crac:ams1/c2', 'rack:ams1/r12', 'cools'],
  ['pdu:ams1/p1', 'rack:ams1/r12', 'powers'],
  ['host:web-3', 'hw:web-3/psu0', 'contains'],
  ['service:shop/frontend', 'instance:shop/frontend/f1', 'contains'],
  ['service:shop/checkout', 'instance:shop/checkout/c1', 'contains'],
  ['service:shop/checkout', 'instance:shop/checkout/c2', 'contains'],
  ['instance:shop/frontend/f1', 'host:web-3', 'runs_on'],
  ['instance:shop/checkout/c1', 'host:web-3', 'runs_on'],
  ['instance:shop/checkout/c2', 'host:web-4', 'runs_on'],
  ['process:web-3/4242', 'host:web-3', 'runs_on'],
];

export const TRAFFIC: Edge[] = [
  ['user', 'service:shop/frontend', 'calls', { requests_per_second: 20, error_ratio: 0 }],
  ['service:shop/frontend', 'service:shop/checkout', 'calls', { requests_per_second: 5, error_ratio: 0.2, requests_total: 3000 }],
  ['service:shop/checkout', 'database:postgresql/orders', 'database', { requests_per_second: 10, error_ratio: 0 }],
  ['service:shop/frontend', 'flow:shop/frontend/POST /checkout', 'part_of', { critical_path_share: 0.25 }],
  ['service:shop/checkout', 'flow:shop/frontend/POST /checkout', 'part_of', { critical_path_share: 0.75 }],
];

/** The twin at NOW, after the timeline above (signals are added by the tests that need them). */
export function createShopTwin(): ShopTwin {
  let now = T0;
  const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => now }, metrics: new InMemoryMetricsRegistry() });
  for (const input of ENTITIES) twin.upsertEntity(input);
  for (const [from, to, type, stats] of [...STRUCTURE, ...TRAFFIC]) twin.upsertRelation(from, to, type, stats);
  now = LEGACY_AT;
  twin.upsertEntity(entity('service:legacy', 'service', 'system', 'legacy', { virtual: true }));
  twin.upsertRelation('service:shop/frontend', 'service:legacy', 'calls', { requests_per_second: 3, error_ratio: 0 });
  now = RECENT;
  for (const [from, to, type, stats] of TRAFFIC) twin.upsertRelation(from, to, type, stats);
  now = NOW;
  return {
    twin,
    setTime(ms) {
      now = ms;
    },
  };
}
