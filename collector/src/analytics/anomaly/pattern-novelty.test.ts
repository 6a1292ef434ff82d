import { PatternNovelty } from './pattern-novelty';

describe('PatternNovelty', () => {
  // Bins fixed after 3 points over [0, 8] → width 2; contexts of length 1 and 2; a table large enough that these few contexts do not collide.
  const novelty = () => new PatternNovelty({ bins: 4, context: 2, tableBits: 1024, learnPoints: 3 });

  it('scores the share of new contexts ending at each point', () => {
    const n = novelty();
    const values = [0, 4, 8, 0, 2, 0, 2, 9, -3, 6];
    expect(values.map((v) => n.update(v))).toEqual([
      0, // learning the range
      0,
      0, // bins fixed; bin 4 stored, still filling the table
      0, // bin 0 stored, still filling the table
      1, // bin 1 and the pair (0, 1) are both new
      0.5, // bin 0 known, the pair (1, 0) new
      0, // bin 1 and the pair (0, 1) known
      0.5, // 9 falls in bin 4 (seen at the 3rd point), the pair (1, 4) is new
      1, // -3 falls in bin -2, below the learned range: everything is new
      1, // bin 3 and the pair (-2, 3) are new
    ]);
  });

  it('finds nothing new in a repeated cycle once it has been seen', () => {
    const n = novelty();
    const cycle = [0, 2, 4, 6, 8];
    const scores: number[] = [];
    for (let r = 0; r < 4; r++) for (const v of cycle) scores.push(n.update(v));
    expect(scores.slice(10)).toEqual(new Array(10).fill(0));
  });

  it('gives a flat learning period a bin width of 1% of its level', () => {
    const n = novelty();
    expect([100, 100, 100, 100, 100].map((v) => n.update(v))).toEqual([0, 0, 0, 0, 0]);
    expect(n.update(100.5)).toBe(0); // within the 1-wide bin 0
    expect(n.update(101)).toBe(1); // bin 1
  });

  it('reports its state: the bitset, the recent bins and five scalars', () => {
    expect(novelty().bytes).toBe(1024 / 8 + 2 * 4 + 5 * 8);
  });
});
