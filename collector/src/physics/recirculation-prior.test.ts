import { placeRacks, priorRecirculation, rackDistance } from './recirculation-prior';

describe('the recirculation prior', () => {
  const places = placeRacks([
    { id: 'r1', roomId: 'a', rowId: 'row1', position: 'A1-1' },
    { id: 'r2', roomId: 'a', rowId: 'row1', position: 'A1-2' },
    { id: 'r3', roomId: 'a', rowId: 'row2', position: undefined },
    { id: 'r4', roomId: 'b', rowId: 'row3', position: 'B1-1' },
  ]);

  it.each([
    ['r1', 'r1', 0],
    ['r1', 'r2', 1],
    ['r1', 'r3', 3],
    ['r2', 'r3', 4],
    ['r1', 'r4', Infinity],
  ])('puts %s and %s at distance %s', (a, b, d) => {
    const find = (id: string) => places.find((p) => p.id === id) as (typeof places)[number];
    expect(rackDistance(find(a), find(b))).toBe(d);
  });

  it('halves per rack of distance from 0.6 K/kW and leaves other rooms out', () => {
    expect(priorRecirculation(places[0], places)).toEqual({ r1: 0.0006, r2: 0.0003, r3: 0.000075 });
  });
});
