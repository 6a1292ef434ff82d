import type { ServerPhysics } from './types';

/**
 * A server moved to (or added in) another rack: its recirculation row follows the rack, so it is
 * the mean row of the servers already there; in an empty rack, its own row with the old and new
 * rack's coefficients swapped (it now breathes its new rack's exhaust most). Returns a new server.
 */
export function moveServer(server: ServerPhysics, rackId: string, roomId: string, servers: readonly ServerPhysics[]): ServerPhysics {
  const siblings = servers.filter((s) => s.rackId === rackId && s.id !== server.id);
  let recirculation: Record<string, number>;
  if (siblings.length > 0) {
    recirculation = {};
    for (const s of siblings) for (const [rack, k] of Object.entries(s.recirculation)) recirculation[rack] = (recirculation[rack] ?? 0) + k / siblings.length;
  } else {
    recirculation = { ...server.recirculation };
    const own = server.recirculation[server.rackId] ?? 0;
    recirculation[server.rackId] = server.recirculation[rackId] ?? 0;
    recirculation[rackId] = own;
  }
  return { ...server, rackId, roomId, recirculation };
}
