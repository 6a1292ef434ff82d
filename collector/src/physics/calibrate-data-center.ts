import { calibrateCracs } from './calibrate-cracs';
import { discoverLayout } from './discover-layout';
import { fitRoomInlets } from './fit-inlets';
import { fitServerPower } from './fit-server-power';
import { numberAttribute } from './number-attribute';
import { PRIOR_IDLE_SHARE_OF_MAX } from './priors';
import { placeRacks, priorRecirculation } from './recirculation-prior';
import { initialDataCenterState } from './step-data-center';
import { createTwinGrid, held, lastValue } from './twin-grid';
import type { TwinReader } from '../model';
import type { Layout } from './discover-layout';
import type { TwinGrid } from './twin-grid';
import type { DataCenterPhysics, ServerPhysics } from './types';

/**
 * Calibrates the data-center physics from the twin's history over `windowSeconds` up to `now`:
 * server power lines, the CRACs (room return from the balance, COP, setpoints, failures), each
 * server's inlet lag and heat-distribution row, then the offsets that make the model start
 * exactly at the latest observations (its initial state reproduces them).
 */
export function calibrateDataCenter(twin: TwinReader, options: { now: number; windowSeconds: number }): DataCenterPhysics {
  const layout = discoverLayout(twin);
  const probe = layout.hosts[0] ? { entity: layout.hosts[0].entity.id, name: 'hw.host.power' } : undefined;
  const grid = createTwinGrid(twin, options.now, options.windowSeconds, probe);
  const hosts = layout.hosts.map((h) => readHost(grid, h));
  const rackIds = layout.racks.map((r) => r.id);
  const rackPower = new Map(rackIds.map((id) => [id, new Float64Array(grid.seconds.length)]));
  hosts.forEach((h, i) => {
    const sum = rackPower.get(layout.hosts[i].rackId);
    if (sum) h.power.forEach((p, k) => (sum[k] += p));
  });
  const roomIt = new Map(layout.rooms.map((r) => [r.id, new Float64Array(grid.seconds.length)]));
  for (const rack of layout.racks) {
    const sum = roomIt.get(rack.roomId) as Float64Array;
    (rackPower.get(rack.id) as Float64Array).forEach((p, k) => (sum[k] += p));
  }
  const cooling = calibrateCracs(grid, layout, roomIt);
  const places = placeRacks(layout.racks);
  const servers: ServerPhysics[] = [];
  for (const room of layout.rooms) {
    const roomPlaces = places.filter((p) => p.roomId === room.id);
    const members = layout.hosts.map((_h, i) => i).filter((i) => layout.hosts[i].roomId === room.id);
    const priors = members.map((i) => {
      const own = places.find((p) => p.id === layout.hosts[i].rackId);
      const row = own ? priorRecirculation(own, roomPlaces) : {};
      return Float64Array.from(roomPlaces, (p) => row[p.id] ?? 0);
    });
    const supply = cooling.roomSupply.get(room.id) as Float64Array;
    const fits = fitRoomInlets(grid.seconds, supply, roomPlaces.map((p) => rackPower.get(p.id) as Float64Array), members.map((i, m) => ({ inletCelsius: hosts[i].inlet, prior: priors[m] })));
    members.forEach((i, m) => {
      const h = hosts[i];
      const fit = fits[m];
      const recirculation: Record<string, number> = {};
      roomPlaces.forEach((p, j) => (recirculation[p.id] = fit.recirculation[j]));
      const rise = roomPlaces.reduce((s, p, j) => s + fit.recirculation[j] * (lastValue(rackPower.get(p.id) as Float64Array) ?? 0), 0);
      servers.push({
        id: h.id,
        rackId: layout.hosts[i].rackId,
        roomId: room.id,
        cores: h.cores,
        idleWatts: h.powerFit.idleWatts,
        peakWatts: h.powerFit.peakWatts,
        powerFit: h.powerFit.fit,
        inletTauSeconds: fit.tauSeconds,
        inletFit: fit.fit,
        recirculation,
        utilization: h.utilization,
        powerWatts: h.latestPower,
        inletCelsius: lastValue(h.inlet) ?? (lastValue(supply) ?? 18) + rise + fit.offsetCelsius,
        up: h.up,
        standbyWatts: h.up ? 0 : h.latestPower,
        inletOffsetCelsius: fit.offsetCelsius,
      });
    });
  }
  const physics: DataCenterPhysics = {
    at: options.now,
    servers: servers.map((s) => (s.inletFit.source === 'prior' ? borrowInletFit(s, servers) : s)),
    racks: layout.racks.map((r) => ({
      id: r.id,
      roomId: r.roomId,
      pduIds: layout.pdus.filter((p) => p.rackIds.includes(r.id)).map((p) => p.entity.id),
      cracIds: cooling.rackCracs.get(r.id) ?? [],
    })),
    cracs: cooling.cracs,
    rooms: cooling.rooms,
    pdus: layout.pdus.map((p) => ({
      id: p.entity.id,
      capacityWatts: numberAttribute(p.entity.attributes.capacity_watts) ?? 0,
      rackIds: p.rackIds,
      powerWatts: lastValue(grid.series(p.entity.id, 'hw.host.power')) ?? 0,
    })),
  };
  return anchored(physics);
}

/** Sets the power offsets so that the initial state draws exactly what the meters read last. */
function anchored(physics: DataCenterPhysics): DataCenterPhysics {
  const model = initialDataCenterState(physics);
  return {
    ...physics,
    servers: physics.servers.map((s) => (s.up ? { ...s, powerOffsetWatts: s.powerWatts - model.serverPowerWatts[s.id] } : { ...s })),
    cracs: physics.cracs.map((c) => ({ ...c, powerOffsetWatts: c.powerWatts - model.cracPowerWatts[c.id] })),
  };
}

function readHost(grid: TwinGrid, host: Layout['hosts'][number]) {
  const id = host.entity.id;
  const rawPower = grid.series(id, 'hw.host.power');
  const rawUtilization = grid.series(id, 'system.cpu.utilization');
  const attrs = host.entity.attributes;
  const maxPower = rawPower.reduce((m, v) => (v > m ? v : m), 0);
  const idle = numberAttribute(attrs.idle_power_watts) ?? PRIOR_IDLE_SHARE_OF_MAX * (maxPower || 250);
  const peak = numberAttribute(attrs.peak_power_watts) ?? idle * 2.5;
  const u: number[] = [];
  const p: number[] = [];
  rawPower.forEach((w, k) => {
    if (w === w && rawUtilization[k] === rawUtilization[k]) {
      u.push(rawUtilization[k]);
      p.push(w);
    }
  });
  const failed = lastValue(grid.series(host.enclosure, 'hw.status{hw.state="failed"}'));
  const ok = lastValue(grid.series(host.enclosure, 'hw.status{hw.state="ok"}'));
  const up = !(failed === 1 || ok === 0);
  const powerFit = fitServerPower(u, p, { idleWatts: idle, peakWatts: peak });
  const latestPower = lastValue(rawPower) ?? powerFit.idleWatts;
  return {
    id,
    cores: numberAttribute(attrs.cores) ?? 1,
    power: held(rawPower, latestPower),
    inlet: grid.series(host.inlet, 'hw.temperature'),
    utilization: up ? (lastValue(rawUtilization) ?? 0) : 0,
    latestPower,
    up,
    powerFit,
  };
}

/**
 * A server whose inlet the data could not fit (new in the rack, too little history) breathes the
 * same aisle as its rack mates: it takes their fitted lag (median) and their mean recirculation
 * row and offset, a better guess than the room-wide prior. Without fitted rack mates it keeps the prior.
 */
function borrowInletFit(server: ServerPhysics, servers: readonly ServerPhysics[]): ServerPhysics {
  const mates = servers.filter((s) => s.rackId === server.rackId && s.inletFit.source === 'fitted');
  if (mates.length === 0) return server;
  const taus = mates.map((s) => s.inletTauSeconds).sort((a, b) => a - b);
  const recirculation: Record<string, number> = {};
  for (const mate of mates) for (const [rack, k] of Object.entries(mate.recirculation)) recirculation[rack] = (recirculation[rack] ?? 0) + k / mates.length;
  const offset = mates.reduce((sum, s) => sum + (s.inletOffsetCelsius ?? 0), 0) / mates.length;
  return { ...server, inletTauSeconds: taus[taus.length >> 1], recirculation, inletOffsetCelsius: offset };
}
