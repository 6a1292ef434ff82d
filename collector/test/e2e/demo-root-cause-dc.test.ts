/**
 * Root-cause ranking on the demo's data center: a CRAC failure seen on an inlet of a rack it
 * cools, and a fan failure seen on its server's CPU temperature, must each be ranked to the
 * demo's ground truth (the CRAC, the server) over the rack, the room and the other cooling.
 */
import { ONE_SECOND_TWIN, useDemoTwin } from '../support/demo-twin';
import { rankAfterFault, sleep, topOf } from '../support/root-cause-probe';

const { twin, demo } = useDemoTwin({ seed: 22, config: ONE_SECOND_TWIN });

// Hardware metrics come every second: 15 s of calm is 15 reference samples.
const CALM_MS = 15_000;
// Inlets lag the CRAC by the room's thermal mass: 20 s (20 simulated minutes) lets them rise clearly.
const EVIDENCE_MS = 20_000;

it.each([
  { fault: 'crac_failure', target: 'crac-a1', entity: 'hw:r01-s4/r01-s4-inlet', signal: 'hw.temperature' },
  { fault: 'fan_failure', target: 'r05-s4', entity: 'hw:r05-s4/r05-s4-cpu', signal: 'hw.temperature' },
])('$fault on $target: $entity $signal ranks the true cause first', async ({ fault, target, entity, signal }) => {
  const { truth, items, injectedAt } = await rankAfterFault(twin(), demo(), { fault, target, entity, signal }, { calmMs: CALM_MS, evidenceMs: EVIDENCE_MS });
  // The room cools back down before the next calm period begins.
  await sleep(10_000);
  expect({ first: items[0]?.entity, top: topOf(items, injectedAt) }).toEqual({ first: truth, top: topOf(items, injectedAt) });
}, 120_000);
