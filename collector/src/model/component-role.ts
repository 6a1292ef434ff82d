import type { EntityAttributes } from './types';

/** A hardware component's role in the data center: which sensor or part it is. */
export type ComponentRole = 'inlet' | 'supply' | 'fan' | 'enclosure' | 'other';

/**
 * By `hw.sensor_location` (inlet, supply), else `hw.type` (fan, enclosure), else the id's suffix
 * (`hw:web-3/web-3-inlet`). One rule for the physics and the topology: both must agree on which
 * sensor is a server's inlet, or the floor view would show another temperature than the one the
 * simulation is calibrated on.
 */
export function componentRole(component: { id: string; attributes: EntityAttributes }): ComponentRole {
  const location = component.attributes['hw.sensor_location'];
  if (location === 'inlet' || location === 'supply') return location;
  const type = component.attributes['hw.type'];
  if (type === 'fan' || type === 'enclosure') return type;
  const suffix = /-(inlet|supply|fan|enclosure)$/.exec(component.id);
  return suffix ? (suffix[1] as ComponentRole) : 'other';
}
