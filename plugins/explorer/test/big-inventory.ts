/**
 * An inventory of about `nodes` infrastructure entities (one site, rooms, rows, racks of hosts),
 * for the 2,000-node rendering test: the infra topology of the collector that loads it is a tree
 * of exactly that many nodes.
 */
export const BIG_TWIN_NODES = 2000;

export function bigInventoryYaml(nodes: number): string {
  const rooms = 4;
  const rowsPerRoom = 5;
  const racksPerRow = 10;
  const containers = 1 + rooms + rooms * rowsPerRoom + rooms * rowsPerRoom * racksPerRow;
  const hosts = Math.max(0, nodes - containers);
  const racks = rooms * rowsPerRoom * racksPerRow;
  const lines = ['sites:', '  - id: big', '    rooms:'];
  let host = 0;
  for (let room = 1; room <= rooms; room++) {
    lines.push(`      - id: room${room}`, '        rows:');
    for (let row = 1; row <= rowsPerRoom; row++) {
      lines.push(`          - id: room${room}-row${row}`, '            racks:');
      for (let rack = 1; rack <= racksPerRow; rack++) {
        const rackIndex = ((room - 1) * rowsPerRoom + (row - 1)) * racksPerRow + (rack - 1);
        // Hosts spread evenly, the first racks taking the remainder.
        const count = Math.floor(hosts / racks) + (rackIndex < hosts % racks ? 1 : 0);
        lines.push(`              - id: room${room}-row${row}-rack${rack}`, count > 0 ? '                hosts:' : '                hosts: []');
        for (let i = 0; i < count; i++) {
          lines.push(`                  - id: host-${String(++host).padStart(4, '0')}`);
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
