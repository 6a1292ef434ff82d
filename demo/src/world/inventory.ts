import { stringify } from 'yaml';
import type { DataCenterLayout } from './layout';

/** What each rack's feeds are rated for: a common 5 kW rack, room for its seven servers at peak (3.5 kW). */
export const RACK_CAPACITY_WATTS = 5000;

/**
 * The collector's inventory YAML for a layout (the format of collector/src/ingest/inventory):
 * site, rooms (with their thermal mass, scaled to the demo's speed), rows, racks with position and hosts (with model attributes), CRACs with capacity,
 * setpoint and the racks they cool, PDUs with capacity and the racks they power; CRACs and PDUs
 * with the host name their telemetry reports under (their id), so the collector joins the two.
 */
export function renderInventoryYaml(layout: DataCenterLayout, options: { speed?: number } = {}): string {
  // The twin counts time in real seconds while the demo runs `speed` simulated seconds in each:
  // a watt heats the room `speed` times faster per real second, so the room looks that much lighter.
  const speed = options.speed ?? 1;
  const site = {
    id: layout.siteId,
    name: layout.siteName,
    rooms: layout.rooms.map((room) => ({
      id: room.id,
      attributes: { thermal_mass_joules_per_kelvin: room.thermalMassJoulesPerKelvin / speed },
      rows: room.rowIds.map((rowId) => ({
        id: rowId,
        racks: layout.racks
          .filter((rack) => rack.rowId === rowId)
          .map((rack) => ({
            id: rack.id,
            position: rack.position,
            height_u: rack.heightU,
            capacity_watts: RACK_CAPACITY_WATTS,
            hosts: rack.hostIndexes.map((i) => {
              const host = layout.hosts[i];
              return {
                id: host.name,
                position_u: host.positionU,
                attributes: {
                  model: host.model.id,
                  vendor: host.model.vendor,
                  cores: host.model.cores,
                  memory_bytes: host.model.memoryBytes,
                  idle_power_watts: host.model.idlePowerWatts,
                  peak_power_watts: host.model.peakPowerWatts,
                },
              };
            }),
          })),
      })),
      cracs: layout.cracs
        .filter((crac) => crac.roomId === room.id)
        .map((crac) => ({
          id: crac.id,
          capacity_watts: crac.capacityWatts,
          supply_setpoint_celsius: crac.supplySetpointCelsius,
          host_name: crac.id,
          cools: crac.cools,
          attributes: { airflow_cubic_metres_per_second: crac.airflowCubicMetresPerSecond },
        })),
      pdus: layout.pdus
        .filter((pdu) => pdu.roomId === room.id)
        .map((pdu) => ({ id: pdu.id, capacity_watts: pdu.capacityWatts, host_name: pdu.id, powers: pdu.powers })),
    })),
  };
  const header = '# The TwinOps demo data center (generated from demo/src/world/layout.ts).\n';
  return header + stringify({ sites: [site] }, { flowCollectionPadding: false, collectionStyle: 'block' });
}
