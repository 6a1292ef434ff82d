import { ENTRY_SERVICE } from '../shop';
import type { ServiceName, Shop } from '../shop';
import { addServersToWorld } from '../world';
import type { WorldState } from '../world';
import { simulationError } from './simulation-types';
import type { ActuationResult } from './simulation-types';

/** Largest load factor `load_factor` accepts: beyond it the shop is all errors and says nothing new. */
export const MAX_LOAD_FACTOR = 100;

/** What the capacity actuators need from the running simulation. */
export interface CapacityContext {
  world(): WorldState;
  setWorld(state: WorldState): void;
  shop: Shop;
  services: ReadonlySet<string>;
}

/**
 * The actuators a what-if comparison drives on the demo: add servers to a rack, scale the entry
 * load, move a share of a rack's instances to another rack. Errors are simulation errors naming
 * the API field (snake_case) at fault.
 */
export interface CapacityActuators {
  addServers(rack: string, count: number, model?: string): ActuationResult;
  loadFactor(factor: number, service?: string): ActuationResult;
  moveLoad(fromRack: string, toRack: string, fraction: number): ActuationResult;
}

export function createCapacityActuators(ctx: CapacityContext): CapacityActuators {
  const needRack = (rack: string) => {
    if (!ctx.world().model.layout.racks.some((r) => r.id === rack)) throw simulationError('not_found', `unknown rack '${rack}'`);
  };
  return {
    addServers(rack, count, model) {
      let grown: ReturnType<typeof addServersToWorld>;
      try {
        grown = addServersToWorld(ctx.world(), { rack, count, model });
      } catch (error) {
        const message = (error as Error).message;
        throw simulationError(message.startsWith('unknown') ? 'not_found' : 'invalid_argument', message);
      }
      // The shop's view of a new host copies the template's (its cores and memory for placement).
      const template = model ?? grown.state.model.layout.hosts[grown.state.model.layout.racks[grown.added[0].rackIndex].hostIndexes[0]].name;
      const spec = ctx.shop.hosts().find((h) => h.name === template);
      for (const host of grown.added) {
        ctx.shop.addHost({ name: host.name, rack: host.rackId, cores: spec?.cores ?? host.model.cores, memoryBytes: spec?.memoryBytes ?? host.model.memoryBytes });
      }
      ctx.setWorld(grown.state);
      return { hosts: grown.added.map((h) => h.name) };
    },
    loadFactor(factor, service) {
      if (!(Number.isFinite(factor) && factor > 0 && factor <= MAX_LOAD_FACTOR)) {
        throw simulationError('invalid_argument', `factor: must be a number > 0 and at most ${MAX_LOAD_FACTOR}, got ${factor}`);
      }
      if (service !== undefined) {
        if (!ctx.services.has(service)) throw simulationError('not_found', `unknown service '${service}'`);
        if (service !== ENTRY_SERVICE) throw simulationError('invalid_argument', `service: must be an entry service (${ENTRY_SERVICE}), got '${service}'`);
      }
      ctx.shop.setLoadFactor(factor, service as ServiceName | undefined);
      return {};
    },
    moveLoad(fromRack, toRack, fraction) {
      needRack(fromRack);
      needRack(toRack);
      if (fromRack === toRack) throw simulationError('invalid_argument', `to_rack: must differ from from_rack, got '${toRack}'`);
      if (!(fraction >= 0 && fraction <= 1)) throw simulationError('invalid_argument', `fraction: must be between 0 and 1, got ${fraction}`);
      return { moved: ctx.shop.moveLoad(fromRack, toRack, fraction) };
    },
  };
}
