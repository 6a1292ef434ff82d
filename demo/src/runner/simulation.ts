import { createRandom } from '../random';
import { createShop, defaultShopCatalog, defaultShopConfig } from '../shop';
import type { ServiceName, ShopWorld } from '../shop';
import {
  applyWorldEvent, coldWorldState, createDataCenterLayout, createWorldModel, hostThrottleFactor, hostUp, readSensors, settle, stepWorld, worldTruth,
} from '../world';
import type { WorldEvent, WorldState } from '../world';
import { createCapacityActuators } from './capacity-actuators';
import { createFaultBook } from './fault-book';
import { serviceTruth } from './service-truth';
import { simulationError } from './simulation-types';
import type { Actuation, ActuationResult, Simulation, SimulationConfig, StepResult } from './simulation-types';

export function defaultSimulationConfig(): SimulationConfig {
  return {
    seed: 1,
    // One simulated day in 24 real minutes: a daily cycle is visible in a coffee break.
    speed: 60,
    // Monday 2024-01-01 00:00 UTC: the weekly cycle starts at its beginning.
    startEpochSeconds: 1_704_067_200,
    // The physics' own substep; fine enough for 5 s metric points.
    stepSeconds: 5,
    // Four hours: thirty times the longest thermal lag, so the first readings are settled.
    settleSeconds: 14_400,
    faults: [],
  };
}

/** Largest instance count `scale` accepts: the shop starts with 84 hosts. */
export const MAX_INSTANCES_PER_SERVICE = 20;

/** The world and the shop coupled step by step, with faults (scheduled or injected now) and actuators. */
export function createSimulation(overrides: Partial<SimulationConfig> = {}): Simulation {
  const config: SimulationConfig = { ...defaultSimulationConfig(), ...overrides };
  if (!(config.stepSeconds > 0)) throw new Error(`stepSeconds: must be > 0, got ${config.stepSeconds}`);
  if (!(config.speed > 0)) throw new Error(`speed: must be > 0, got ${config.speed}`);
  const random = createRandom(config.seed);
  const sensorRandom = random.fork('sensors');
  const layout = createDataCenterLayout();
  // The shop runs on the layout's servers, with their cores and memory: what the inventory says.
  const hosts = layout.hosts.map((h) => ({ name: h.name, rack: layout.racks[h.rackIndex].id, cores: h.model.cores, memoryBytes: h.model.memoryBytes }));
  const shopConfig = { ...defaultShopConfig(config.startEpochSeconds), hosts };
  const shop = createShop(shopConfig, { random: random.fork('shop') });
  const services: ReadonlySet<string> = new Set(defaultShopCatalog().services.map((s) => s.name));
  let world: WorldState = coldWorldState(createWorldModel(layout));
  let now = 0;
  let latest: StepResult | undefined;
  const view: ShopWorld = { hostUp: (h) => hostUp(world, h), throttle: (h) => hostThrottleFactor(world, h) };

  // Prime the shop once so the physics settles under the load it will see at the start.
  shop.step(0, config.stepSeconds, view);
  world = settle(world, { hostLoad: shop.hostLoad() }, config.settleSeconds);

  const book = createFaultBook({ world: () => world, setWorld: (s) => (world = s), shop, services, nowSeconds: () => now, startEpochSeconds: config.startEpochSeconds });
  const scheduled = [...config.faults].sort((a, b) => a.atSeconds - b.atSeconds);
  scheduled.forEach((spec) => book.check(spec.fault, spec.target));
  const capacity = createCapacityActuators({ world: () => world, setWorld: (s) => (world = s), shop, services });

  function step(): StepResult {
    while (scheduled.length > 0 && scheduled[0].atSeconds <= now) {
      const spec = scheduled.shift();
      if (spec) book.inject(spec.fault, spec.target);
    }
    const dt = config.stepSeconds;
    const shopStep = shop.step(now, dt, view);
    const hostLoad = shop.hostLoad();
    world = stepWorld(world, { hostLoad }, dt);
    now += dt;
    latest = {
      timeSeconds: now,
      epochSeconds: config.startEpochSeconds + now,
      stepSeconds: dt,
      world,
      sensors: readSensors(world, sensorRandom),
      shop: shopStep,
      hostLoad,
    };
    return latest;
  }

  const applyWorld = (event: WorldEvent): ActuationResult => {
    try {
      world = applyWorldEvent(world, event);
      return {};
    } catch (error) {
      const message = (error as Error).message;
      throw simulationError(message.startsWith('unknown') ? 'not_found' : 'invalid_argument', message.replace(/^\w+\./, ''));
    }
  };
  const needService = (service: string): ServiceName => {
    if (!services.has(service)) throw simulationError('not_found', `unknown service '${service}'`);
    return service as ServiceName;
  };

  function actuate(command: Actuation): ActuationResult {
    switch (command.action) {
      case 'migrate':
        if (!shop.instances().some((i) => i.id === command.instance)) throw simulationError('not_found', `unknown instance '${command.instance}'`);
        if (!world.model.hostIndex.has(command.toHost)) throw simulationError('not_found', `unknown host '${command.toHost}'`);
        shop.migrate(command.instance, command.toHost);
        return {};
      case 'scale': {
        const service = needService(command.service);
        if (!Number.isInteger(command.instances) || command.instances < 1 || command.instances > MAX_INSTANCES_PER_SERVICE) {
          throw simulationError('invalid_argument', `instances: must be an integer from 1 to ${MAX_INSTANCES_PER_SERVICE}, got ${command.instances}`);
        }
        shop.scale(service, command.instances);
        return {};
      }
      case 'restart': {
        const service = needService(command.service);
        shop.restart(service);
        // The leak grows in process state (an unbounded cache): a restart ends it.
        book.endWhere((f) => f.fault === 'memory_leak' && f.target === service);
        return {};
      }
      case 'crac_setpoint':
        return applyWorld({ kind: 'crac_setpoint', crac: command.crac, celsius: command.celsius });
      case 'crac_fan_speed':
        return applyWorld({ kind: 'crac_fan_speed', crac: command.crac, ratio: command.ratio });
      case 'host_power':
        return applyWorld({ kind: 'host_power', host: command.host, on: command.on });
      case 'add_servers':
        return capacity.addServers(command.rack, command.count, command.model);
      case 'load_factor':
        return capacity.loadFactor(command.factor, command.service);
      case 'move_load':
        return capacity.moveLoad(command.fromRack, command.toRack, command.fraction);
    }
  }

  return {
    config,
    get layout() {
      return world.model.layout;
    },
    catalog: shopConfig.catalog,
    nowSeconds: () => now,
    step,
    advanceTo(timeSeconds) {
      const results: StepResult[] = [];
      while (now + config.stepSeconds <= timeSeconds) results.push(step());
      return results;
    },
    latest: () => latest,
    truth: () => ({
      timeSeconds: now,
      epochSeconds: config.startEpochSeconds + now,
      world: { ...worldTruth(world), timeSeconds: now },
      shop: { instances: shop.instances(), faults: shop.faults(), loadFactors: shop.loadFactors() },
      services: serviceTruth(latest?.shop, config.stepSeconds, shopConfig.catalog),
      faults: book.active(),
      scheduled: scheduled.map((s) => ({ ...s })),
    }),
    inject: (fault, target) => book.inject(fault, target),
    clear: (id) => book.clear(id),
    faults: () => book.active(),
    actuate,
  };
}
