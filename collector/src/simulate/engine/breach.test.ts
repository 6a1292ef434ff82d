import { spreadBreach } from './breach';
import { createSeededRandom } from './seeded-random';

// web → api → db; api runs on h1 with batch; an island elsewhere.
const LINKS = [
  { from: 'web', to: 'api' },
  { from: 'api', to: 'db' },
  { from: 'api', to: 'h1' },
  { from: 'batch', to: 'h1' },
  { from: 'x', to: 'y' },
];

describe('spreadBreach', () => {
  it('reaches everything connected within the hops when every hop succeeds, and nothing when none does', () => {
    const all = spreadBreach('web', 1, 10, LINKS, 5, createSeededRandom(1));
    expect(all.reached).toEqual([
      { entity: 'api', probability: 1, hops: 1 },
      { entity: 'db', probability: 1, hops: 2 },
      { entity: 'h1', probability: 1, hops: 2 },
      { entity: 'batch', probability: 1, hops: 3 },
    ]);
    expect(all.expectedSize).toBe(4);
    expect(spreadBreach('web', 1, 2, LINKS, 5, createSeededRandom(1)).reached.map((r) => r.entity)).toEqual(['api', 'db', 'h1']);
    expect(spreadBreach('web', 0, 10, LINKS, 5, createSeededRandom(1)).reached).toEqual([]);
  });

  it('estimates the chance of each entity being reached: p per hop, p² two hops away', () => {
    const spread = spreadBreach('web', 0.5, 10, LINKS, 20_000, createSeededRandom(9));
    const p = Object.fromEntries(spread.reached.map((r) => [r.entity, r.probability]));
    // api one hop (0.5); db and h1 through api (0.25); batch through h1 (0.125). Standard errors ≤ 0.0036.
    expect(p.api).toBeCloseTo(0.5, 1);
    expect(p.db).toBeCloseTo(0.25, 1);
    expect(p.h1).toBeCloseTo(0.25, 1);
    expect(p.batch).toBeCloseTo(0.125, 1);
    expect(spreadBreach('web', 0.5, 10, LINKS, 200, createSeededRandom(3))).toEqual(spreadBreach('web', 0.5, 10, LINKS, 200, createSeededRandom(3)));
  });
});
