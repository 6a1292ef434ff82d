import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPetshopScenario, signalName, toNodeSignals } from './petshop-scenario';

const METRICS = 'microservice,a,a,b\nmetric,latency,availability,latency\nstatistic,Average,Average,Average\nunix_timestamp,,,\n60,1,100,2\n';
const TARGET = '{"target":{"node":"a","metric":"latency","agg":"Average","timestamp":60},"root_cause":{"node":"b"}}';

describe('readPetshopScenario', () => {
  it('reads the graph, normal operation and issues of test/ and train/ in natural order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'petshop-scenario-'));
    writeFileSync(join(dir, 'graph.csv'), ',a,b\na,0,1\nb,0,0\n');
    mkdirSync(join(dir, 'noissue'));
    writeFileSync(join(dir, 'noissue', 'metrics.csv'), METRICS);
    for (const issue of ['test/issue_10', 'test/issue_2', 'train/issue_0', 'train/.hidden']) {
      mkdirSync(join(dir, issue), { recursive: true });
      writeFileSync(join(dir, issue, 'metrics.csv'), METRICS);
      writeFileSync(join(dir, issue, 'target.json'), TARGET);
    }
    const scenario = readPetshopScenario(dir);
    expect(scenario.edges).toEqual([{ from: 'a', to: 'b' }]);
    expect(scenario.normal.timestamps).toEqual([60]);
    expect(scenario.issues.map((i) => [i.key, i.target.rootCause])).toEqual([
      ['test/issue_2', 'b'],
      ['test/issue_10', 'b'],
      ['train/issue_0', 'b'],
    ]);
  });

  it('needs a test/ or train/ folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'petshop-scenario-'));
    writeFileSync(join(dir, 'graph.csv'), ',a\na,0\n');
    mkdirSync(join(dir, 'noissue'));
    writeFileSync(join(dir, 'noissue', 'metrics.csv'), METRICS);
    expect(() => readPetshopScenario(dir)).toThrow(`${dir}: no test/ or train/ folder of issues`);
  });
});

describe('toNodeSignals', () => {
  const metrics = { timestamps: [60], columns: [{ node: 'a', metric: 'latency', statistic: 'Average', values: [1] }, { node: 'a', metric: 'availability', statistic: 'Average', values: [100] }] };

  it('groups columns by node under "metric.statistic"', () => {
    const signals = toNodeSignals(metrics);
    expect([...signals.get('a')!.keys()]).toEqual(['latency.Average', 'availability.Average']);
    expect(signals.get('a')!.get('availability.Average')).toEqual({ timestamps: [60], values: [100] });
  });

  it('keeps only what the filter accepts', () => {
    expect([...toNodeSignals(metrics, (m) => m === 'latency').get('a')!.keys()]).toEqual([signalName('latency', 'Average')]);
  });
});
