/**
 * History from Prometheus, end to end: a real Prometheus holds a day of an inlet temperature; a
 * collector configured to read it forecasts that signal from its first minute, although the twin
 * itself has seen a single point of it.
 */
import { startPrometheusServer } from '../support/prometheus-server';
import type { PrometheusServer } from '../support/prometheus-server';
import { startTestCollector } from '../support/test-collector';
import type { TestCollector } from '../support/test-collector';

const MINUTE = 60_000;
const DAY = 86_400_000;
let prometheus: PrometheusServer;
let twin: TestCollector;

/** A day of a daily cycle on a slow rise, one point a minute, ending a minute ago. */
function inletDay(end: number): { t: number; v: number }[] {
  const points = [];
  for (let t = end - DAY; t <= end; t += MINUTE) {
    const age = (t - (end - DAY)) / DAY;
    points.push({ t, v: 22 + 2 * age + 1.5 * Math.sin(2 * Math.PI * age) });
  }
  return points;
}

beforeAll(async () => {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
  prometheus = await startPrometheusServer([{ name: 'hw_temperature_celsius', labels: { host_name: 'srv-1', hw_id: 'inlet' }, points: inletDay(end) }]);
  twin = await startTestCollector({
    analytics: {
      live: { interval_seconds: 1 },
      prometheus: {
        url: prometheus.url,
        lookback_seconds: 86_400,
        signals: [{ query: 'hw_temperature_celsius', entity: 'hw:{{host_name}}/{{hw_id}}', signal: 'hw.temperature' }],
      },
    },
  });
}, 30_000);

afterAll(async () => {
  await twin?.stop();
  await prometheus?.stop();
});

it('forecasts a signal from the history Prometheus holds, from the first minute', async () => {
  // One point of the sensor's own telemetry: the twin knows the entity and the signal.
  const body = {
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'host.name', value: { stringValue: 'srv-1' } }] },
        scopeMetrics: [
          {
            metrics: [
              {
                name: 'hw.temperature',
                unit: 'Cel',
                gauge: { dataPoints: [{ timeUnixNano: `${Date.now()}000000`, asDouble: 24, attributes: [{ key: 'hw.id', value: { stringValue: 'inlet' } }] }] },
              },
            ],
          },
        ],
      },
    ],
  };
  const sent = await fetch(`${twin.otlpHttpUrl}/v1/metrics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(sent.status).toBe(200);

  let reply = { status: 0, body: {} as { model?: string; stepMs?: number; points?: { v: number; lower: number; upper: number }[] } };
  for (let i = 0; i < 40 && reply.status !== 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    reply = await twin.getJson('/api/v1/forecast?entity=hw%3Asrv-1%2Finlet&signal=hw.temperature&horizon=1h');
  }
  expect(reply.status).toBe(200);
  expect(reply.body.stepMs).toBe(MINUTE);
  const points = reply.body.points ?? [];
  expect(points).toHaveLength(60);
  // The day ends at 24 °C on its way up the cycle: the next hour stays in the series' range, bounds around it.
  for (const p of points) {
    expect(p.v).toBeGreaterThan(22);
    expect(p.v).toBeLessThan(26.5);
    expect(p.lower).toBeLessThanOrEqual(p.v);
    expect(p.upper).toBeGreaterThanOrEqual(p.v);
  }
  expect(twin.logs.some((line) => line.includes('prometheus history read'))).toBe(true);
});
