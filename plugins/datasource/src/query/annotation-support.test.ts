import { lastValueFrom } from 'rxjs';
import { anomalyAnnotationFrame, anomalyScoreFrames } from '../frames';
import { T0, anomalies } from '../test-support/fixtures';
import { framesToAnnotations, twinAnnotationSupport } from './annotation-support';

describe('twinAnnotationSupport', () => {
  it('turns only the annotation frames into events', async () => {
    const frames = [...anomalyScoreFrames(anomalies.slice(1, 2)), anomalyAnnotationFrame(anomalies.slice(1, 2))];
    const process = twinAnnotationSupport.processEvents as NonNullable<typeof twinAnnotationSupport.processEvents>;
    await expect(lastValueFrom(process({ enable: true, name: 'x', iconColor: 'red' }, frames))).resolves.toEqual([
      {
        time: T0,
        title: 'Anomaly: hw.temperature',
        text: 'crac:dc1/crac-a1 hw.temperature scored 0.81 (value not a number)',
        tags: ['anomaly', 'crac:dc1/crac-a1', 'hw.temperature'],
        color: '#F2495C',
      },
    ]);
  });

  it('runs the stored target, defaulting to anomalies', () => {
    const prepare = twinAnnotationSupport.prepareQuery as NonNullable<typeof twinAnnotationSupport.prepareQuery>;
    expect(prepare({ enable: true, name: 'x', iconColor: 'red', target: { refId: '', queryType: 'events' } })).toEqual({
      refId: 'Anno',
      queryType: 'events',
    });
    expect(prepare({ enable: true, name: 'x', iconColor: 'red' })).toBeUndefined();
    expect(twinAnnotationSupport.getDefaultQuery?.()).toEqual({ queryType: 'anomalies' });
  });

  it('reads no events from frames without the annotations topic', () => {
    expect(framesToAnnotations(anomalyScoreFrames(anomalies))).toEqual([]);
  });
});
