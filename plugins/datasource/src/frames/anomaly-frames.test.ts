import { DataTopic, FieldType } from '@grafana/data';
import { T0, anomalies } from '../test-support/fixtures';
import { anomalyAnnotationFrame, anomalyScoreFrames } from './anomaly-frames';

describe('anomalyScoreFrames', () => {
  const frames = anomalyScoreFrames(anomalies, 'A');

  it('makes one score series per entity and signal, ordered, oldest point first', () => {
    expect(frames.map((f) => [f.name, f.refId, f.length])).toEqual([
      ['crac:dc1/crac-a1 hw.temperature anomaly score', 'A', 1],
      ['host:r01-s1 hw.host.power anomaly score', 'A', 2],
    ]);
    const [time, score, value] = frames[1].fields;
    expect([time.name, time.type, time.values]).toEqual(['time', FieldType.time, [T0 + 60000, T0 + 120000]]);
    expect([score.name, score.type, score.values, score.labels]).toEqual([
      'score',
      FieldType.number,
      [0.9, 0.97],
      { entity: 'host:r01-s1', signal: 'hw.host.power' },
    ]);
    expect(score.config).toEqual({
      displayNameFromDS: 'host:r01-s1 hw.host.power anomaly score',
      unit: 'percentunit',
      min: 0,
      max: 1,
      custom: { drawStyle: 'points', pointSize: 6 },
    });
    expect([value.name, value.values, value.config.custom]).toEqual([
      'value',
      [280, 290.5],
      { hideFrom: { viz: true, legend: true, tooltip: false } },
    ]);
    expect(frames[1].meta).toEqual({ preferredVisualisationType: 'graph' });
  });

  it('makes no frames without anomalies', () => {
    expect(anomalyScoreFrames([])).toEqual([]);
  });
});

describe('anomalyAnnotationFrame', () => {
  it('is an annotations frame: time, title, text, tags, color', () => {
    const frame = anomalyAnnotationFrame(anomalies, 'A');
    expect([frame.name, frame.refId, frame.meta]).toEqual(['anomalies', 'A', { dataTopic: DataTopic.Annotations }]);
    expect(frame.fields.map((f) => [f.name, f.type, f.values])).toEqual([
      ['time', FieldType.time, [T0, T0 + 60000, T0 + 120000]],
      ['title', FieldType.string, ['Anomaly: hw.temperature', 'Anomaly: hw.host.power', 'Anomaly: hw.host.power']],
      [
        'text',
        FieldType.string,
        [
          'crac:dc1/crac-a1 hw.temperature scored 0.81 (value not a number)',
          'host:r01-s1 hw.host.power scored 0.90 (value 280)',
          'host:r01-s1 hw.host.power scored 0.97 (value 290.5)',
        ],
      ],
      [
        'tags',
        FieldType.other,
        [
          ['anomaly', 'crac:dc1/crac-a1', 'hw.temperature'],
          ['anomaly', 'host:r01-s1', 'hw.host.power'],
          ['anomaly', 'host:r01-s1', 'hw.host.power'],
        ],
      ],
      ['color', FieldType.string, ['#F2495C', '#F2495C', '#F2495C']],
    ]);
  });
});
