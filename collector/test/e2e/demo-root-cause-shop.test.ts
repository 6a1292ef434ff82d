/**
 * Root-cause ranking on the demo's shop: each fault with a known root cause is injected after a
 * calm period, and `GET /api/v1/rca` on the symptom the fault produces must rank the demo's
 * ground truth first. The twin keeps one-second buckets, so one demo emission is one sample.
 */
import { ONE_SECOND_TWIN, useDemoTwin } from '../support/demo-twin';
import { rankAfterFault, topOf } from '../support/root-cause-probe';

const { twin, demo } = useDemoTwin({ seed: 21, config: ONE_SECOND_TWIN });

// Service-graph statistics come with the demo's span batches (every 2 to 3 s): 35 s of calm
// gives them more than the 10 reference samples the ranking needs.
const CALM_MS = 35_000;
const EVIDENCE_MS = 8_000;

it.each([
  { fault: 'slow_database', target: 'postgresql', entity: 'service:shop/catalog', signal: 'service.latency_p95_seconds' },
  { fault: 'latency_regression', target: 'cart', entity: 'service:shop/frontend', signal: 'edge.client_latency_p95_seconds{to="service:shop/cart",type="calls"}' },
  // payment-2 runs on r02-s2: checkout's calls to it fail while payment's other replica stays calm.
  { fault: 'host_crash', target: 'r02-s2', entity: 'service:shop/checkout', signal: 'edge.error_ratio{to="service:shop/payment",type="calls"}' },
])('$fault on $target: $entity $signal ranks the true cause first', async ({ fault, target, entity, signal }) => {
  const { truth, items, injectedAt } = await rankAfterFault(twin(), demo(), { fault, target, entity, signal }, { calmMs: CALM_MS, evidenceMs: EVIDENCE_MS });
  expect({ first: items[0]?.entity, top: topOf(items, injectedAt) }).toEqual({ first: truth, top: topOf(items, injectedAt) });
}, 120_000);
