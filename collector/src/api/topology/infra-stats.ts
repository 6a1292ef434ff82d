import type { TwinReader } from '../../model';
import type { ViewNode } from './build-view';
import { componentRole } from '../../model';
import type { ComponentRole } from '../../model';
import type { InfraIndex } from './infra-index';
import { nodeSignalAt } from './signal-values';
import type { StatsMoment } from './signal-values';

/** Statistics of data-center nodes (hosts and other servers, racks, CRACs, PDUs), SI units. */
export const INFRA_STATS = ['inlet_celsius', 'supply_celsius', 'power_watts', 'capacity_watts'] as const;

// The semantic-conventions hardware metrics the demo and real BMCs report; physics reads the same.
const POWER = 'hw.host.power';
const TEMPERATURE = 'hw.temperature';

/**
 * A data-center node's statistics at the moment, each read like the service statistics (latest
 * point no older than the max age now; the history for a past moment) and left out when unknown:
 *
 * - server (a host, or another asset with hardware components): `inlet_celsius` from its inlet
 *   sensor's `hw.temperature`, `power_watts` from its `hw.host.power`;
 * - rack: `power_watts` from its own `hw.host.power` meter when it reads, else the sum of its
 *   hosts' power (as the physics counts rack power) when it has hosts and all of them read;
 *   `capacity_watts` from the inventory's rack field of that name;
 * - crac: `supply_celsius` from its supply sensor's `hw.temperature`, `power_watts`;
 * - pdu: `power_watts`.
 */
export function infraStats(twin: TwinReader, index: InfraIndex, node: ViewNode, moment: StatsMoment): Record<string, number> {
  const stats: Record<string, number> = {};
  const put = (stat: (typeof INFRA_STATS)[number], value: number | undefined) => {
    if (value !== undefined) stats[stat] = value;
  };
  const sensor = (role: ComponentRole) => {
    const component = index.components.get(node.id)?.find((c) => componentRole(c) === role);
    return component && nodeSignalAt(twin, component, TEMPERATURE, moment);
  };
  switch (node.type) {
    case 'rack':
      put('power_watts', nodeSignalAt(twin, node, POWER, moment) ?? hostsPower(twin, index.rackHosts.get(node.id), moment));
      put('capacity_watts', capacityOf(node));
      break;
    case 'crac':
      put('supply_celsius', sensor('supply'));
      put('power_watts', nodeSignalAt(twin, node, POWER, moment));
      break;
    case 'pdu':
      put('power_watts', nodeSignalAt(twin, node, POWER, moment));
      break;
    default:
      if (node.type === 'host' || (node.level === 'asset' && index.components.has(node.id))) {
        put('inlet_celsius', sensor('inlet'));
        put('power_watts', nodeSignalAt(twin, node, POWER, moment));
      }
  }
  return stats;
}

/** The power a rack's feeds are rated for, from the inventory's `capacity_watts`. */
function capacityOf(node: ViewNode): number | undefined {
  const capacity = node.attributes.capacity_watts;
  return typeof capacity === 'number' && capacity > 0 ? capacity : undefined;
}

/** The sum of the hosts' power; unknown when any of them has no reading (a partial sum would understate the rack). */
function hostsPower(twin: TwinReader, hosts: ViewNode[] | undefined, moment: StatsMoment): number | undefined {
  if (!hosts || hosts.length === 0) return undefined;
  let sum = 0;
  for (const host of hosts) {
    const watts = nodeSignalAt(twin, host, POWER, moment);
    if (watts === undefined) return undefined;
    sum += watts;
  }
  return sum;
}
