import { createAnomalyLog } from './anomaly-log';

const event = (t: number, entity = 'host:a', score = 0.8) => ({ entity, signal: 's', t, score, value: t });

describe('createAnomalyLog', () => {
  it('keeps the newest events up to its capacity and answers newest first', () => {
    const log = createAnomalyLog(3);
    for (const t of [1, 2, 3, 4, 5]) log.add(event(t));
    expect(log.size).toBe(3);
    expect(log.query({ from: 0, to: 10, limit: 10 }).map((e) => e.t)).toEqual([5, 4, 3]);
  });

  it.each([
    [{ from: 2, to: 3, limit: 10 }, [3, 2]],
    [{ from: 0, to: 10, limit: 2 }, [4, 3]],
    [{ from: 0, to: 10, entity: 'host:b', limit: 10 }, [4, 2]],
    [{ from: 0, to: 10, minScore: 0.9, limit: 10 }, [3]],
  ])('filters %j', (query, expected) => {
    const log = createAnomalyLog(10);
    log.add(event(1));
    log.add(event(2, 'host:b'));
    log.add(event(3, 'host:a', 0.95));
    log.add(event(4, 'host:b'));
    expect(log.query(query).map((e) => e.t)).toEqual(expected);
  });
});
