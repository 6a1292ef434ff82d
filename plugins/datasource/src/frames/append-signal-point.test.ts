import { createDataFrame, FieldType } from '@grafana/data';
import { appendSignalPoint } from './append-signal-point';
import { signalFrame } from './signal-frame';

const series = (points: Array<{ t: number; v: number | null }>) =>
  signalFrame({ entity: 'host:a', name: 'cpu', unit: '1', points }, 'A');
const columns = (frame: { fields: Array<{ values: unknown[] }>; length: number } | undefined) =>
  frame && [frame.fields.map((f) => f.values), frame.length];

describe('appendSignalPoint', () => {
  it('adds the point at the end and drops points older than the window back from it', () => {
    const frame = series([
      { t: 1000, v: 1 },
      { t: 2000, v: 2 },
      { t: 3000, v: 3 },
    ]);
    const next = appendSignalPoint(frame, { t: 4000, v: 4 }, 1500);
    expect(columns(next)).toEqual([
      [
        [3000, 4000],
        [3, 4],
      ],
      2,
    ]);
    // The rest of the frame is kept as it was: name, refId, config, labels.
    expect([next?.name, next?.refId, next?.fields[1].config, next?.fields[1].labels]).toEqual([
      frame.name,
      'A',
      frame.fields[1].config,
      { entity: 'host:a', signal: 'cpu' },
    ]);
    // And the frame given is not changed.
    expect(columns(frame)).toEqual([
      [
        [1000, 2000, 3000],
        [1, 2, 3],
      ],
      3,
    ]);
  });

  it('keeps a point exactly at the window edge and adds to an empty frame', () => {
    expect(columns(appendSignalPoint(series([{ t: 1000, v: 1 }]), { t: 2000, v: null }, 1000))).toEqual([
      [
        [1000, 2000],
        [1, null],
      ],
      2,
    ]);
    expect(columns(appendSignalPoint(series([]), { t: 5, v: 7 }, 1000))).toEqual([[[5], [7]], 1]);
  });

  it.each([
    ['not newer than the last point', series([{ t: 2000, v: 1 }]), { t: 2000, v: 2 }],
    ['older than the last point', series([{ t: 2000, v: 1 }]), { t: 1000, v: 2 }],
    [
      'a frame without a time field',
      createDataFrame({ fields: [{ name: 'value', type: FieldType.number, values: [1] }] }),
      { t: 1, v: 1 },
    ],
  ])('adds nothing for a point %s', (_, frame, point) => {
    expect(appendSignalPoint(frame, point, 1000)).toBeUndefined();
  });
});
