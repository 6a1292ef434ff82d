/**
 * A scenario compiled against the calibrated twin: its structural changes applied to copies of
 * the physics (servers added), and, for any moment of the horizon, the inputs the data-center
 * physics and the service model take then. Unknown targets are errors naming the change.
 */
import { moveServer } from '../../physics';
import type { DataCenterInputs, DataCenterPhysics, ServerPhysics } from '../../physics';
import type { ServiceGraphPhysics, ServiceInputs } from '../services';
import type { Scenario, ScenarioChange } from '../scenario';

/** A scenario that names what the twin does not hold; the message names the change and field. */
export class ScenarioTargetError extends Error {}

export interface StepInputs {
  services: ServiceInputs;
  cracs: DataCenterInputs['cracs'];
  up: Record<string, boolean>;
  /** Where each instance runs now (moves applied). */
  instanceHost: Record<string, string>;
  /** Busy cores per server not explained by instances (batch, OS), moves applied. */
  baseBusyCores: Record<string, number>;
  /** PDUs failed so far: a rack goes down when all its PDUs have. */
  failedPdus: string[];
}

export interface ScenarioWorld {
  physics: DataCenterPhysics;
  services: ServiceGraphPhysics;
  /** The inputs in force `elapsedSeconds` after the start (`t` in epoch ms, for daily profiles). */
  inputsAt(elapsedSeconds: number, t: number): StepInputs;
  /** Entities the changes name (the start of the affected subgraph). */
  targets: string[];
  /** Changes the twin records but cannot model, with the reason. */
  unmodelled: string[];
}

interface Timed {
  at: number;
  apply(inputs: StepInputs, t: number): void;
}

/**
 * Compiles `scenario` (without its breach, which the engine spreads separately). `baseBusyCores`
 * is what each server's observed load leaves once the calibrated instances' share is taken off.
 */
export function compileScenario(scenario: Scenario, physics: DataCenterPhysics, services: ServiceGraphPhysics, baseBusyCores: Record<string, number>): ScenarioWorld {
  const world = { physics: { ...physics, servers: [...physics.servers] }, services };
  const index = indexOf(world.physics, services);
  const timed: Timed[] = [];
  const targets = new Set<string>();
  const unmodelled: string[] = [];
  scenario.changes.forEach((change, i) => {
    const where = `changes[${i}]`;
    const at = change.type === 'breach' ? 0 : (change.at ?? 0);
    const step = compileChange(change, where, world.physics, index, targets, unmodelled);
    if (step) timed.push({ at, apply: step });
  });
  timed.sort((a, b) => a.at - b.at);

  const initial: StepInputs = {
    services: { loadFactor: {}, siteLoadFactor: 1, instanceUp: {}, instanceCount: {}, serviceTimeFactor: {}, extraLatencySeconds: {}, edgeCapacityPerSecond: {} },
    cracs: Object.fromEntries(world.physics.cracs.map((c) => [c.id, { setpointCelsius: c.setpointCelsius, fanSpeedRatio: c.fanSpeedRatio, failed: c.failed }])),
    up: Object.fromEntries(world.physics.servers.map((s) => [s.id, s.up && !index.added.has(s.id)])),
    instanceHost: Object.fromEntries(services.services.flatMap((s) => s.instances.map((inst) => [inst.id, inst.hostId]))),
    baseBusyCores: { ...baseBusyCores },
    failedPdus: [],
  };
  const daily = scenario.changes.some((c) => c.type === 'scale_load' && c.profile !== undefined);
  // Inputs change only when a change comes into force (or, with a daily profile, the hour turns).
  const cache = new Map<string, StepInputs>();
  return {
    ...world,
    targets: [...targets],
    unmodelled,
    inputsAt(elapsedSeconds, t) {
      const active = timed.filter((c) => c.at <= elapsedSeconds);
      const key = `${active.length}|${daily ? new Date(t).getUTCHours() : ''}`;
      const known = cache.get(key);
      if (known) return known;
      const inputs = structuredClone(initial);
      for (const change of active) change.apply(inputs, t);
      // An instance on a server that is down is down; `instanceUp` entries set by a change win.
      for (const [instance, host] of Object.entries(inputs.instanceHost)) {
        if (inputs.up[host] === false && inputs.services.instanceUp[instance] === undefined) inputs.services.instanceUp[instance] = false;
      }
      cache.set(key, inputs);
      return inputs;
    },
  };
}

interface WorldIndex {
  servers: Map<string, ServerPhysics>;
  rackServers: Map<string, string[]>;
  racksOfPdu: Map<string, string[]>;
  pdusOfRack: Map<string, string[]>;
  cracs: Set<string>;
  services: Set<string>;
  instances: Map<string, string>;
  added: Set<string>;
}

function indexOf(physics: DataCenterPhysics, services: ServiceGraphPhysics): WorldIndex {
  const rackServers = new Map<string, string[]>(physics.racks.map((r) => [r.id, []]));
  for (const s of physics.servers) rackServers.get(s.rackId)?.push(s.id);
  return {
    servers: new Map(physics.servers.map((s) => [s.id, s])),
    rackServers,
    racksOfPdu: new Map(physics.pdus.map((p) => [p.id, p.rackIds])),
    pdusOfRack: new Map(physics.racks.map((r) => [r.id, r.pduIds])),
    cracs: new Set(physics.cracs.map((c) => c.id)),
    services: new Set(services.services.map((s) => s.id)),
    instances: new Map(services.services.flatMap((s) => s.instances.map((i) => [i.id, s.id] as const))),
    added: new Set(),
  };
}

function compileChange(
  change: ScenarioChange,
  where: string,
  physics: DataCenterPhysics,
  index: WorldIndex,
  targets: Set<string>,
  unmodelled: string[],
): Timed['apply'] | undefined {
  const serversOf = (id: string, field: string): string[] => {
    if (index.servers.has(id)) return [id];
    const inRack = index.rackServers.get(id);
    if (inRack) return inRack;
    throw new ScenarioTargetError(`${where}.${field}: unknown host or rack ${JSON.stringify(id)}`);
  };
  switch (change.type) {
    case 'scale_load': {
      if (change.target !== undefined && !index.services.has(change.target)) {
        throw new ScenarioTargetError(`${where}.target: unknown service ${JSON.stringify(change.target)}`);
      }
      if (change.target) targets.add(change.target);
      const factorAt = (t: number) => (change.profile ? change.profile[new Date(t).getUTCHours()] : (change.factor ?? 1));
      return (inputs, t) => {
        if (change.target === undefined) inputs.services.siteLoadFactor *= factorAt(t);
        else inputs.services.loadFactor[change.target] = (inputs.services.loadFactor[change.target] ?? 1) * factorAt(t);
      };
    }
    case 'move_workload': {
      const from = serversOf(change.from, 'from');
      const to = serversOf(change.to, 'to');
      [change.from, change.to].forEach((id) => targets.add(id));
      const fraction = change.fraction ?? 1;
      return (inputs) => moveWorkload(inputs, from, to, fraction, index);
    }
    case 'fail':
      return compileFailure(change.target, `${where}.target`, index, targets);
    case 'set':
      return compileSet(change, where, index, targets, unmodelled);
    case 'add_hardware': {
      const siblings = index.rackServers.get(change.rack);
      if (!siblings) throw new ScenarioTargetError(`${where}.rack: unknown rack ${JSON.stringify(change.rack)}`);
      const model = change.model ?? siblings[0];
      const template = model === undefined ? undefined : index.servers.get(model);
      if (!template) throw new ScenarioTargetError(`${where}.model: unknown host ${JSON.stringify(change.model ?? '(the rack has no server to copy)')}`);
      targets.add(change.rack);
      const rackPhysics = physics.racks.find((r) => r.id === change.rack);
      const roomId = rackPhysics?.roomId ?? template.roomId;
      const added: string[] = [];
      const inRack = siblings.map((h) => index.servers.get(h) as ServerPhysics);
      const inletCelsius = inRack.length > 0 ? inRack.reduce((sum, h) => sum + h.inletCelsius, 0) / inRack.length : template.inletCelsius;
      for (let n = 1; n <= change.count; n++) {
        const id = `host:${change.rack.slice(change.rack.lastIndexOf('/') + 1).replace(/^rack:/, '')}-added${where.replace(/\D/g, '')}-${n}`;
        // Idle, breathing the rack's air: its recirculation row is the rack's (moveServer), its power the model's.
        const copy: ServerPhysics = { ...template, id, utilization: 0, up: false, powerWatts: template.idleWatts, powerOffsetWatts: 0, inletCelsius };
        const server = moveServer(copy, change.rack, roomId, physics.servers);
        physics.servers.push(server);
        index.servers.set(id, server);
        siblings.push(id);
        index.added.add(id);
        added.push(id);
        targets.add(id);
      }
      return (inputs) => {
        for (const id of added) {
          inputs.up[id] = true;
          inputs.baseBusyCores[id] = 0;
        }
      };
    }
    case 'remove_hardware': {
      const hosts = change.hosts.map((h, i) => {
        if (!index.servers.has(h)) throw new ScenarioTargetError(`${where}.hosts[${i}]: unknown host ${JSON.stringify(h)}`);
        targets.add(h);
        return h;
      });
      return (inputs) => hosts.forEach((h) => (inputs.up[h] = false));
    }
    case 'network': {
      for (const [field, id] of [['from', change.from], ['to', change.to]] as const) {
        if (!index.services.has(id)) throw new ScenarioTargetError(`${where}.${field}: unknown service ${JSON.stringify(id)}`);
        targets.add(id);
      }
      const edge = `${change.from}->${change.to}`;
      return (inputs) => {
        if (change.latency_ms !== undefined) inputs.services.extraLatencySeconds[edge] = change.latency_ms / 1000;
        if (change.capacity_rps !== undefined) inputs.services.edgeCapacityPerSecond[edge] = change.capacity_rps;
      };
    }
    case 'breach':
      return undefined;
  }
}

function compileFailure(target: string, where: string, index: WorldIndex, targets: Set<string>): Timed['apply'] {
  targets.add(target);
  if (index.servers.has(target)) return (inputs) => void (inputs.up[target] = false);
  const rack = index.rackServers.get(target);
  if (rack) return (inputs) => rack.forEach((h) => (inputs.up[h] = false));
  if (index.cracs.has(target)) return (inputs) => void (inputs.cracs[target].failed = true);
  const racks = index.racksOfPdu.get(target);
  if (racks) {
    // A rack fed by several PDUs (A and B feeds) stays up while one of them does.
    return (inputs) => {
      inputs.failedPdus.push(target);
      for (const r of racks) {
        if ((index.pdusOfRack.get(r) ?? []).every((p) => inputs.failedPdus.includes(p))) index.rackServers.get(r)?.forEach((h) => (inputs.up[h] = false));
      }
    };
  }
  if (index.instances.has(target)) return (inputs) => void (inputs.services.instanceUp[target] = false);
  const arrow = target.indexOf('->');
  if (arrow > 0 && index.services.has(target.slice(0, arrow)) && index.services.has(target.slice(arrow + 2))) {
    return (inputs) => void (inputs.services.edgeCapacityPerSecond[target] = 0);
  }
  throw new ScenarioTargetError(`${where}: unknown host, rack, CRAC, PDU, instance or link "from->to" ${JSON.stringify(target)}`);
}

function compileSet(change: Extract<ScenarioChange, { type: 'set' }>, where: string, index: WorldIndex, targets: Set<string>, unmodelled: string[]): Timed['apply'] | undefined {
  const { target, property, value } = change;
  targets.add(target);
  const numeric = (rule: (v: number) => boolean, expected: string): number => {
    if (typeof value !== 'number' || !rule(value)) throw new ScenarioTargetError(`${where}.value: ${property} must be ${expected}, got ${JSON.stringify(value)}`);
    return value;
  };
  if (index.cracs.has(target) && property === 'setpoint_celsius') {
    const v = numeric((x) => x >= 5 && x <= 35, 'a temperature in 5..35 °C');
    return (inputs) => void (inputs.cracs[target].setpointCelsius = v);
  }
  if (index.cracs.has(target) && property === 'fan_speed_ratio') {
    const v = numeric((x) => x >= 0 && x <= 1, 'a ratio in 0..1');
    return (inputs) => void (inputs.cracs[target].fanSpeedRatio = v);
  }
  if (index.services.has(target) && property === 'instances') {
    const v = numeric((x) => Number.isInteger(x) && x >= 0, 'a whole number ≥ 0');
    return (inputs) => void (inputs.services.instanceCount[target] = v);
  }
  if (!index.servers.has(target) && !index.rackServers.has(target) && !index.cracs.has(target) && !index.services.has(target) && !index.instances.has(target) && !index.racksOfPdu.has(target)) {
    throw new ScenarioTargetError(`${where}.target: unknown entity ${JSON.stringify(target)}`);
  }
  unmodelled.push(`${where}: ${property} of ${target} has no model; the simulation leaves it out`);
  return undefined;
}

/** Moves `fraction` of the source servers' instances and other load onto the target servers. */
function moveWorkload(inputs: StepInputs, from: string[], to: string[], fraction: number, index: WorldIndex): void {
  const targets = to.filter((h) => !from.includes(h));
  if (targets.length === 0) return;
  const cores = (h: string) => index.servers.get(h)?.cores ?? 1;
  const targetCores = targets.reduce((sum, h) => sum + cores(h), 0);
  let next = 0;
  for (const host of from) {
    const moved = inputs.baseBusyCores[host] * fraction;
    inputs.baseBusyCores[host] -= moved;
    for (const t of targets) inputs.baseBusyCores[t] = (inputs.baseBusyCores[t] ?? 0) + (moved * cores(t)) / targetCores;
    const here = Object.keys(inputs.instanceHost).filter((i) => inputs.instanceHost[i] === host).sort();
    for (const instance of here.slice(0, Math.round(here.length * fraction))) inputs.instanceHost[instance] = targets[next++ % targets.length];
  }
}
