import { delta, entity, relation, signal, T0 } from '../../../test/support/store-contract';
import type { SignalState } from '../../model';
import { createDeltaPacker, createDeltaUnpacker } from './delta-packing';

const cpu = signal('host:a', 'cpu.util', [
  [T0, 0.5],
  [T0 + 10_000, 0.75],
]);
const rate = signal('service:b', 'http.rate', [[T0, 3]], '{request}/s', 'sum');

describe('delta packing', () => {
  it('gives back the delta it packed, points in a transferred Float64Array', () => {
    const packer = createDeltaPacker();
    const d = delta({
      entities: [entity('host:a')],
      relations: [relation('calls', 'service:b', 'host:a')],
      signals: [cpu, rate],
      events: [{ entity: 'host:a', countsBySeverity: { WARN: 1 }, latestErrors: [] }],
      removedEntities: ['host:z'],
      removedRelations: ['calls:x->y'],
    });
    const { packed, transfer } = packer.pack(d);
    expect(Array.from(packed.points)).toEqual([T0, 0.5, T0 + 10_000, 0.75, T0, 3]);
    expect(transfer).toEqual([packed.signals.buffer, packed.points.buffer]);
    expect(createDeltaUnpacker().unpack(structuredClone(packed))).toEqual(d);
  });

  it('sends a signal’s strings once, and again under a new code when its unit or kind changes', () => {
    const packer = createDeltaPacker();
    const unpacker = createDeltaUnpacker();
    const first = packer.pack(delta({ signals: [cpu, rate] })).packed;
    const second = packer.pack(delta({ signals: [rate, cpu] })).packed;
    const changed = { ...cpu, unit: '%' };
    const third = packer.pack(delta({ signals: [changed] })).packed;
    expect(first.defined).toEqual([1, 'host:a', 'cpu.util', '1', 'gauge', 2, 'service:b', 'http.rate', '{request}/s', 'sum']);
    expect(Array.from(second.signals)).toEqual([2, 1, 1, 2]);
    expect(second.defined).toEqual([]);
    expect(third.defined).toEqual([3, 'host:a', 'cpu.util', '%', 'gauge']);
    expect(unpacker.unpack(first).signals).toEqual([cpu, rate]);
    expect(unpacker.unpack(second).signals).toEqual([rate, cpu]);
    expect(unpacker.unpack(third).signals).toEqual([changed]);
  });

  it('forgets the codes of a removed entity’s signals on both sides', () => {
    const packer = createDeltaPacker();
    const unpacker = createDeltaUnpacker();
    const first = packer.pack(delta({ signals: [cpu, rate] })).packed;
    unpacker.unpack(first);
    const removal = packer.pack(delta({ removedEntities: ['host:a'], signals: [cpu] })).packed;
    expect(removal.forgotten).toEqual([1]);
    expect(removal.defined).toEqual([3, 'host:a', 'cpu.util', '1', 'gauge']);
    expect(unpacker.unpack(removal).signals).toEqual([cpu]);
    unpacker.forget(removal);
    expect(() => unpacker.unpack({ ...first, defined: [] })).toThrow('packed delta: unknown signal code 1');
  });

  it('defines nothing when packing fails, so the next delta defines its codes again', () => {
    const packer = createDeltaPacker();
    const broken = { entity: 'host:a', name: 'bad', unit: '1', kind: 'gauge', points: { length: 1 } } as unknown as SignalState;
    expect(() => packer.pack(delta({ signals: [cpu, broken] }))).toThrow();
    // Codes are never reused, even those of a failed pack.
    expect(packer.pack(delta({ signals: [cpu] })).packed.defined).toEqual([3, 'host:a', 'cpu.util', '1', 'gauge']);
  });
});
