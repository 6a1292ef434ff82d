import { createShopTwin, T0 } from '../test-support/shop-twin';
import { NOW } from '../test-support/test-app';
import { indexInfra } from './infra-index';

describe('indexInfra', () => {
  function setup() {
    const { twin, setTime } = createShopTwin();
    setTime(T0);
    twin.upsertEntity({ id: 'hw:web-3/board', type: 'hw', level: 'component', name: 'board', attributes: {} });
    twin.upsertEntity({ id: 'hw:web-3/web-3-inlet', type: 'hw', level: 'component', name: 'web-3-inlet', attributes: {} });
    twin.upsertRelation('host:web-3', 'hw:web-3/board', 'contains');
    twin.upsertRelation('hw:web-3/board', 'hw:web-3/web-3-inlet', 'contains');
    setTime(NOW);
    twin.upsertEntity({ id: 'host:web-5', type: 'host', level: 'asset', name: 'web-5', attributes: {} });
    twin.upsertRelation('rack:ams1/r12', 'host:web-5', 'contains');
    return twin.topology();
  }

  const ids = (map: Map<string, { id: string }[]>) => Object.fromEntries([...map].map(([key, nodes]) => [key, nodes.map((n) => n.id)]));

  it('groups components, nested ones too, under the first entity above them that is no component, and hosts under their rack', () => {
    const index = indexInfra(setup(), NOW);
    expect(ids(index.components)).toEqual({ 'host:web-3': ['hw:web-3/psu0', 'hw:web-3/board', 'hw:web-3/web-3-inlet'] });
    expect(ids(index.rackHosts)).toEqual({ 'rack:ams1/r12': ['host:web-3', 'host:web-4', 'host:web-5'] });
  });

  it('leaves out what does not exist yet at the moment', () => {
    const index = indexInfra(setup(), NOW - 1);
    expect(ids(index.rackHosts)).toEqual({ 'rack:ams1/r12': ['host:web-3', 'host:web-4'] });
  });
});
