import type { TwinClient } from '../api';
import { entities, hostDetail } from '../test-support/fixtures';
import { findVariableValues } from './find-variable-values';

function recordingClient() {
  const calls: unknown[] = [];
  const client = {
    listEntities: async (params: unknown) => (calls.push(['list', params]), entities),
    getEntity: async (id: string) => (calls.push(['get', id]), hostDetail),
  } as unknown as TwinClient;
  return { client, calls };
}

describe('findVariableValues', () => {
  it('lists entity ids by type and level, sorted', async () => {
    const { client, calls } = recordingClient();
    await expect(findVariableValues(client, { kind: 'entities', entityType: 'host', level: 'asset' })).resolves.toEqual(
      [
        { text: 'host:r01-s1', value: 'host:r01-s1' },
        { text: 'site:dc1', value: 'site:dc1' },
      ]
    );
    expect(calls).toEqual([['list', { type: 'host', level: 'asset', limit: 1000 }]]);
  });

  it('lists the signal names of an entity, sorted', async () => {
    const { client, calls } = recordingClient();
    const values = await findVariableValues(client, { kind: 'signals', entity: 'host:r01-s1' });
    expect(values.map((v) => v.value)).toEqual([
      'hw.host.power',
      'system.cpu.utilization',
      'system.memory.utilization',
    ]);
    expect(calls).toEqual([['get', 'host:r01-s1']]);
  });

  it('reads a legacy string as an entity type, and needs an entity for signals', async () => {
    const { client, calls } = recordingClient();
    await findVariableValues(client, 'rack');
    expect(calls).toEqual([['list', { type: 'rack', level: undefined, limit: 1000 }]]);
    await expect(findVariableValues(client, { kind: 'signals' })).rejects.toThrow('signal names: choose an entity');
  });
});
