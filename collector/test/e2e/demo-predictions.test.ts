/**
 * Predictions on the demo: both CRAC units of hall-a fail; the twin must flag the racks' inlet
 * temperatures as anomalous and forecast their crossing of 27 °C before they reach it. Time is
 * compressed (the demo runs 60 simulated seconds per real second), so the twin works on
 * one-second buckets and steps here instead of its production defaults.
 */
import { useDemoTwin } from '../support/demo-twin';

interface Forecast {
  points: { t: number; v: number }[];
  threshold?: { limit: number; at?: number };
}

const sensors = Array.from({ length: 7 }, (_, i) => `hw:r01-s${i + 1}/r01-s${i + 1}-inlet`);
const { twin, demo } = useDemoTwin({
  seed: 7,
  speed: 10,
  config: {
    twin: { history: { resolution_seconds: 1, retention_seconds: 600 } },
    analytics: {
      live: {
        interval_seconds: 1,
        signals: ['hw.temperature*'],
        export_horizons_seconds: [30],
        anomaly: { warmup_points: 50 },
        forecast: { step_seconds: 1, min_history_points: 20, max_history_points: 300, refit_every_steps: 3, threshold_horizon_seconds: 120 },
      },
    },
  },
});

const latest = async (entity: string): Promise<number> => {
  const { body } = await twin().getJson<{ signals: { name: string; latest?: { v: number } }[] }>(`/api/v1/entities/${encodeURIComponent(entity)}`);
  return body.signals.find((s) => s.name === 'hw.temperature')?.latest?.v ?? NaN;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('flags a double CRAC failure on the inlets it heats, and forecasts 27 °C before the inlets reach it', async () => {
  // Ten simulated minutes of steady state (60 one-second buckets): the detectors' warm-up and the forecasts' first fits.
  await sleep(60_000);
  const injectedAt = Date.now();
  demo().simulation.inject('crac_failure', 'crac-a1');
  demo().simulation.inject('crac_failure', 'crac-a2');

  const forecastAt = new Map<string, { now: number; value: number; at: number; exported: number }>();
  const crossedAt = new Map<string, number>();
  for (let deadline = Date.now() + 75_000; Date.now() < deadline && crossedAt.size < sensors.length; await sleep(1000)) {
    for (const sensor of sensors) {
      if (crossedAt.has(sensor)) continue;
      const value = await latest(sensor);
      if (value >= 27) crossedAt.set(sensor, Date.now());
      const { status, body } = await twin().getJson<Forecast>(`/api/v1/forecast?entity=${encodeURIComponent(sensor)}&signal=hw.temperature&horizon=2m`);
      if (status === 200 && body.threshold?.at !== undefined && !forecastAt.has(sensor)) {
        // Prometheus alert rules read the same prediction from /metrics.
        const exported = await twin().metricValue(`twinops_forecast_time_to_threshold_seconds{entity="${sensor}"}`);
        forecastAt.set(sensor, { now: Date.now(), value, at: body.threshold.at, exported });
      }
    }
  }

  // The hottest inlets of r01 cross 27 °C within the run (the simulation's truth agrees).
  expect(crossedAt.size).toBeGreaterThan(0);
  for (const [sensor, crossed] of crossedAt) {
    const forecast = forecastAt.get(sensor);
    // The crossing was forecast while the sensor still read below 27 °C, for a moment still ahead.
    expect({ sensor, forecast: forecast !== undefined }).toEqual({ sensor, forecast: true });
    expect(forecast!.value).toBeLessThan(27);
    expect(forecast!.now).toBeLessThan(crossed);
    expect(forecast!.at).toBeGreaterThan(forecast!.now - 1000);
    expect(forecast!.exported).toBeGreaterThan(0);
  }

  const { body } = await twin().getJson<{ items: { entity: string; signal: string; t: number; score: number }[] }>(
    `/api/v1/anomalies?from=${injectedAt}&minScore=0.5&limit=1000`,
  );
  const flagged = new Set(body.items.map((a) => a.entity));
  const inletsFlagged = (hall: RegExp) => [...flagged].filter((e) => hall.test(e) && e.endsWith('-inlet')).length;
  const hallA = inletsFlagged(/^hw:r0[1-6]-/);
  const hallB = inletsFlagged(/^hw:r(0[7-9]|1[0-2])-/);
  // Nearly every inlet of hall-a (42 sensors) is flagged. Hall-b's cooling is untouched, but its
  // inlets drift with the shop's load after a warm-up of only ten simulated minutes, and a
  // detector that young flags some of that drift: far fewer, though.
  expect(hallA).toBeGreaterThanOrEqual(34);
  expect(hallB).toBeLessThan(hallA / 2);
}, 180_000);
