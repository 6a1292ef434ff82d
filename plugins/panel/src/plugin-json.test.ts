/** plugin.json: the validator's checks every plugin passes, and the panel's need of the TwinOps datasource. */
import { join } from 'path';
import { describePluginJson, readPluginJson } from '../../datasource/test/plugin-checks';

describePluginJson({
  dir: join(__dirname, '..'),
  id: 'twinops-topology-panel',
  type: 'panel',
  name: 'TwinOps topology',
});

describe('src/plugin.json of the panel', () => {
  it('depends on the TwinOps datasource, through which it reads the twin (panels cannot use the data proxy)', () => {
    expect(readPluginJson(join(__dirname, '..')).dependencies.plugins).toEqual([
      { id: 'twinops-twin-datasource', type: 'datasource', name: 'TwinOps', version: '>=0.1.0' },
    ]);
  });
});
