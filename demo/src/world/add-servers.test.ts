import { addServersToLayout, addServersToWorld, freeRackPositions } from './add-servers';
import { createDataCenterLayout } from './layout';
import { settle } from './physics';
import { fanPowerWatts } from './server-power';
import { KERNEL_SELF, ROW_END_FACTOR, recirculationKelvin, slotFactor } from './thermal';
import { worldTruth } from './truth';
import { coldWorldState, createWorldModel, hostUp } from './world-state';
import type { WorldInputs } from './physics';

const layout = createDataCenterLayout();
const busy: WorldInputs = { hostLoad: new Map(layout.hosts.map((h) => [h.name, { cpuUtilization: 0.4 }])) };

describe('freeRackPositions', () => {
  it.each([
    [2, [3, 5, 9, 11, 15, 17, 21, 23, 27, 29, 32, 34, 38, 40]],
    [1, [3, 4, 5, 6, 9, 10, 11, 12, 15, 16, 17, 18, 21, 22, 23, 24, 27, 28, 29, 30, 32, 33, 34, 35, 36, 38, 39, 40, 41, 42]],
    [4, [3, 9, 15, 21, 27, 32, 38]],
    [5, [32, 38]],
  ])('packs the gaps between built servers for %d U, bottom first', (heightU, expected) => {
    expect(freeRackPositions(layout, 'r01', heightU)).toEqual(expected);
  });
});

describe('addServersToLayout', () => {
  it('adds servers in the lowest free places with the next slot names, copying the first server by default', () => {
    const { layout: grown, added } = addServersToLayout(layout, { rack: 'r01', count: 2 });
    expect(added.map((h) => [h.name, h.index, h.slot, h.positionU, h.model.id, h.rackIndex, h.roomId, h.rowId])).toEqual([
      ['r01-s8', 84, 8, 3, 'storage-2u', 0, 'hall-a', 'a1'],
      ['r01-s9', 85, 9, 5, 'storage-2u', 0, 'hall-a', 'a1'],
    ]);
    expect(grown.racks[0].hostIndexes).toEqual([0, 1, 2, 3, 4, 5, 6, 84, 85]);
    expect(grown.hosts).toHaveLength(86);
    expect(freeRackPositions(grown, 'r01', 2)).toEqual([9, 11, 15, 17, 21, 23, 27, 29, 32, 34, 38, 40]);
    // The input stays as it was.
    expect([layout.hosts.length, layout.racks[0].hostIndexes.length]).toEqual([84, 7]);
    const again = addServersToLayout(grown, { rack: 'r01', count: 1, model: 'r12-s7' }).added;
    expect(again.map((h) => [h.name, h.positionU, h.model.id])).toEqual([['r01-s10', 9, 'edge-1u']]);
  });

  it.each([
    [{ rack: 'r99', count: 1 }, "unknown rack 'r99'"],
    [{ rack: 'r01', count: 0 }, 'count: must be a positive integer, got 0'],
    [{ rack: 'r01', count: 1.5 }, 'count: must be a positive integer, got 1.5'],
    [{ rack: 'r01', count: 1, model: 'r99-s1' }, "unknown host 'r99-s1'"],
    [{ rack: 'r02', count: 15 }, 'count: must be at most 14 (free places for storage-2u in rack r02), got 15'],
  ])('rejects %j', (request, message) => {
    expect(() => addServersToLayout(layout, request)).toThrow(message);
  });
});

describe('addServersToWorld', () => {
  const before = settle(coldWorldState(createWorldModel(layout)), busy, 7200);
  const { state, added } = addServersToWorld(before, { rack: 'r01', count: 3, model: 'r01-s3' });
  const after = settle(state, busy, 7200);
  const truth = worldTruth(after);
  const oldTruth = worldTruth(before);

  it('starts the new hosts up and idle at the rack inlet', () => {
    expect(added.map((h) => h.name)).toEqual(['r01-s8', 'r01-s9', 'r01-s10']);
    expect(state.hosts).toHaveLength(87);
    expect(hostUp(state, 'r01-s10')).toBe(true);
    const rackInlet = oldTruth.racks[0].inletCelsius;
    expect(state.hosts[84].inletCelsius).toBeCloseTo(rackInlet, 12);
  });

  it('draws idle power, heats the room and raises the inlets through the rebuilt kernel', () => {
    const model = added[0].model;
    truth.hosts.slice(84).forEach((h, k) => {
      expect(h.utilization).toBe(0);
      expect(h.powerWatts).toBeCloseTo(model.idlePowerWatts + fanPowerWatts(model, after.hosts[84 + k].fanSpeedRatio), 9);
    });
    const newPower = truth.hosts.slice(84).reduce((sum, h) => sum + h.powerWatts, 0);
    expect(truth.racks[0].powerWatts - oldTruth.racks[0].powerWatts).toBeCloseTo(newPower, 0);
    expect(truth.rooms[0].itPowerWatts - oldTruth.rooms[0].itPowerWatts).toBeCloseTo(newPower, 0);
    expect(truth.rooms[1].itPowerWatts).toBeCloseTo(oldTruth.rooms[1].itPowerWatts, 6);
    // U3 sits a third of a slot (2 of 6 U) above s1; r01 is a row end.
    expect(after.model.kernel[84][0]).toBeCloseTo((slotFactor(1 + 2 / 6) * ROW_END_FACTOR * KERNEL_SELF) / 1000, 15);
    const rackPower = truth.racks.map((r) => r.powerWatts);
    after.hosts.forEach((h, i) => expect(h.inletCelsius).toBeCloseTo(18 + recirculationKelvin(after.model.kernel, i, rackPower), 6));
    expect(truth.hosts[6].inletCelsius).toBeGreaterThan(oldTruth.hosts[6].inletCelsius + 0.1);
    expect(truth.pdus[0].loadWatts - oldTruth.pdus[0].loadWatts).toBeCloseTo(newPower, 0);
  });
});
