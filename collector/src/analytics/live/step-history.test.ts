import { StepHistory } from './step-history';

describe('StepHistory', () => {
  it('keeps the last `capacity` values, oldest first, growing its array as it fills', () => {
    const h = new StepHistory(40);
    for (let i = 0; i < 10; i++) h.push(i);
    expect([h.length, h.bytes]).toEqual([10, 16 * 8]);
    for (let i = 10; i < 45; i++) h.push(i);
    expect([h.length, h.bytes]).toEqual([40, 40 * 8]);
    expect(h.values()).toEqual(Array.from({ length: 40 }, (_, i) => i + 5));
    h.clear();
    expect([h.length, h.values()]).toEqual([0, []]);
  });
});
