import { FieldType } from '@grafana/data';
import { T0, rootCause } from '../test-support/fixtures';
import { movedSignalText, rootCauseFrame, topSignals } from './root-cause-frame';

describe('rootCauseFrame', () => {
  it('is a ranked table with the explanation, field by field', () => {
    const frame = rootCauseFrame(rootCause, 'R');
    expect([frame.name, frame.refId, frame.meta]).toEqual(['root cause', 'R', { preferredVisualisationType: 'table' }]);
    expect(frame.fields.map((f) => [f.name, f.type, f.config, f.values])).toEqual([
      ['rank', FieldType.number, { displayName: 'Rank', unit: 'none', decimals: 0 }, [1, 2]],
      ['entity', FieldType.string, { displayName: 'Entity' }, ['host:r01-s1', 'service:shop/checkout']],
      ['score', FieldType.number, { displayName: 'Score', decimals: 3 }, [0.8123, 0.1]],
      ['anomalous', FieldType.boolean, { displayName: 'Anomalous' }, [true, false]],
      ['onset', FieldType.time, { displayName: 'Onset' }, [T0, null]],
      ['explainedBy', FieldType.string, { displayName: 'Explained by' }, ['', 'host:r01-s1']],
      ['explains', FieldType.string, { displayName: 'Explains' }, ['service:shop/checkout', '']],
      [
        'path',
        FieldType.string,
        { displayName: 'Path (cause → symptom)' },
        ['host:r01-s1 → service:shop/checkout', 'service:shop/checkout'],
      ],
      [
        'signals',
        FieldType.string,
        { displayName: 'Top signals' },
        [
          'host:r01-s1 hw.host.power (z 6.5, r 0.5, no lead); host:r01-s1 system.cpu.utilization (z 4.21, r 0.91, led 60 s); host:r01-s1 disk (z 2, r 0.3, no lead)',
          '',
        ],
      ],
    ]);
  });
});

describe('movedSignalText and topSignals', () => {
  it('says a lagging signal lagged', () => {
    expect(movedSignalText(rootCause[0].signals[2])).toBe(
      'host:r01-s1 system.memory.utilization (z 0.1, r 0.2, lagged 30 s)'
    );
  });

  it('keeps the strongest, ties broken by correlation', () => {
    const tie = [
      { entity: 'a', metric: 'x', strength: 1, onset: null, correlation: 0.1, lag: 0 },
      { entity: 'b', metric: 'y', strength: 1, onset: null, correlation: 0.9, lag: 0 },
    ];
    expect(topSignals(tie, 1).map((s) => s.entity)).toEqual(['b']);
  });
});
