import { moveServer } from './move-server';
import type { ServerPhysics } from './types';

const server = (id: string, rackId: string, recirculation: Record<string, number>): ServerPhysics => ({
  id, rackId, roomId: 'room:a', cores: 8, idleWatts: 100, peakWatts: 300, powerFit: { samples: 0, r2: null, rmse: null, source: 'prior' },
  inletTauSeconds: 200, inletFit: { samples: 0, r2: null, rmse: null, source: 'prior' }, recirculation, utilization: 0.2, powerWatts: 140, inletCelsius: 20, up: true,
});

describe('moving a server between racks', () => {
  it('takes the mean row of the servers already in the new rack', () => {
    const others = [server('host:b1', 'rack:b', { 'rack:a': 0.0002, 'rack:b': 0.001 }), server('host:b2', 'rack:b', { 'rack:a': 0.0004, 'rack:b': 0.0012 })];
    const moved = moveServer(server('host:a1', 'rack:a', { 'rack:a': 0.0009, 'rack:b': 0.0003 }), 'rack:b', 'room:a', others);
    expect(moved.rackId).toBe('rack:b');
    expect(moved.recirculation['rack:a']).toBeCloseTo(0.0003, 12);
    expect(moved.recirculation['rack:b']).toBeCloseTo(0.0011, 12);
  });

  it('swaps its own row round into an empty rack', () => {
    const moved = moveServer(server('host:a1', 'rack:a', { 'rack:a': 0.0009, 'rack:b': 0.0003, 'rack:c': 0.0001 }), 'rack:b', 'room:a', []);
    expect(moved.recirculation).toEqual({ 'rack:a': 0.0003, 'rack:b': 0.0009, 'rack:c': 0.0001 });
  });
});
