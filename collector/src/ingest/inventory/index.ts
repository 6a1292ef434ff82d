/**
 * The inventory: sites, rooms, rows, racks, hosts, CRAC units and PDUs from a YAML or CSV file,
 * the part of the twin that telemetry cannot tell.
 *
 * YAML layout (nested; every entry needs an `id`; `name` and `attributes` are optional):
 *
 *     enterprise: acme                  # optional: the root, `enterprise:acme` (default `enterprise:default`)
 *     sites:
 *       - id: ams1
 *         name: Amsterdam 1
 *         location: Schiphol-Rijk       # site field
 *         rooms:
 *           - id: hall-a
 *             rows:                     # optional: racks may also sit directly in a room
 *               - id: a
 *                 racks:
 *                   - id: r12
 *                     position: A12     # rack fields: position, height_u, capacity_watts
 *                     height_u: 42
 *                     capacity_watts: 5000  # the power the rack's feeds are rated for
 *                     hosts:            # host names (as in host.name), or {id, position_u}
 *                       - web-3
 *                       - {id: web-4, position_u: 10}
 *             cracs:
 *               - id: c2
 *                 capacity_watts: 30000        # CRAC fields: capacity_watts, supply_setpoint_celsius
 *                 supply_setpoint_celsius: 18
 *                 cools: [r12]                 # rack ids of the same site
 *             pdus:
 *               - id: p1
 *                 capacity_watts: 11000        # PDU field: capacity_watts
 *                 powers: [r12, web-4]         # rack ids of the same site, or host names
 *                 host_name: pdu-p1            # CRAC and PDU field: the host.name its own telemetry uses
 *                 attributes: {vendor: APC}    # free-form scalars, on any entry
 *
 * CSV layout (one row per entity; a header row; `#` starts a comment line):
 *
 *     type,id,name,parent,cools,powers,position,capacity_watts
 *     site,ams1,Amsterdam 1,,,,,
 *     room,hall-a,,ams1,,,,
 *     row,a,,hall-a,,,,
 *     rack,r12,,a,,,A12,
 *     host,web-3,,r12,,,,
 *     crac,c2,,hall-a,r12;r13,,,30000
 *     pdu,p1,,hall-a,,r12 web-3,,11000
 *
 * `type` is enterprise, site, room, row, rack, host, crac or pdu; `parent` is the id of the
 * containing row (room for rows, crac, pdu; site for rooms; row or room for racks; rack for
 * hosts), so ids must be unique per type within a CSV file; `cools` / `powers` list ids separated
 * by spaces or semicolons. Every other column is an attribute (empty cells skipped; the typed
 * fields above must be numbers where they are in YAML).
 *
 * Entities: enterprise (level enterprise), site/room/row (system), rack/crac/pdu/host (asset),
 * with ids `site:ams1`, `room:ams1/hall-a`, `row:ams1/hall-a/a`, `rack:ams1/r12`,
 * `crac:ams1/c2`, `pdu:ams1/p1`, `host:web-3` (the id telemetry gives the host, so both join).
 * Relations: contains along the nesting (enterprise -> site -> room -> row -> rack -> host; room
 * -> crac, pdu), crac cools rack, pdu powers rack or host. A CRAC or PDU with `host_name` takes
 * the telemetry of resources with that `host.name` (its SNMP or Modbus exporter's): their signals
 * land on `crac:ams1/c2` instead of a separate `host:<name>`. Errors name the file, line and field
 * (`inventory.yaml:12: sites[0].rooms[1].racks[3].id: required`, `inventory.csv:7: column
 * cools: unknown rack "r99"`), and all of them are reported at once.
 */
export { loadInventory, parseInventory } from './load-inventory';
export type { InventoryFormat, InventoryResult } from './load-inventory';
export { createInventoryApplier } from './apply-inventory';
export type { HostAliases } from './apply-inventory';
export type { HostAlias, InventoryGraph, InventoryRelation } from './build-graph';
export { INVENTORY_TYPES } from './inventory-item';
export type { InventoryType } from './inventory-item';
