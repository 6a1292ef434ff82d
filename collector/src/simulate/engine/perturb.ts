/**
 * One Monte Carlo draw of the calibrated parameters: each fitted parameter (a server's
 * recirculation row as a whole) scaled by its own factor 1 + spread·N(0, 1), at least 0.2 so no
 * parameter changes sign. The observed state is left as it is: every draw starts from what the
 * twin sees and differs in how it responds.
 */
import type { DataCenterPhysics } from '../../physics';
import type { ServiceGraphPhysics } from '../services';
import type { SeededRandom } from './seeded-random';

export function perturb(physics: DataCenterPhysics, services: ServiceGraphPhysics, spread: number, random: SeededRandom): { physics: DataCenterPhysics; services: ServiceGraphPhysics } {
  const f = () => Math.max(0.2, 1 + spread * random.normal());
  return {
    physics: {
      ...physics,
      servers: physics.servers.map((s) => {
        const idleWatts = s.idleWatts * f();
        // One factor per heat-distribution row: its magnitude is what the fit knows least.
        const row = f();
        const recirculation: Record<string, number> = {};
        for (const rack in s.recirculation) recirculation[rack] = s.recirculation[rack] * row;
        return { ...s, idleWatts, peakWatts: idleWatts + (s.peakWatts - s.idleWatts) * f(), inletTauSeconds: s.inletTauSeconds * f(), recirculation };
      }),
      cracs: physics.cracs.map((c) => ({ ...c, copAtSetpoint: c.copAtSetpoint * f() })),
      rooms: physics.rooms.map((r) => ({ ...r, thermalMassJoulesPerKelvin: r.thermalMassJoulesPerKelvin * f() })),
    },
    services: { ...services, services: services.services.map((s) => ({ ...s, ownServiceSeconds: s.ownServiceSeconds * f() })) },
  };
}
