/** Reads history back from a real Prometheus (Debian package) that the test fills with known series. */
import { freePort } from '../../../test/support/free-port';
import { startPrometheusServer } from '../../../test/support/prometheus-server';
import type { PrometheusServer, StoredSeries } from '../../../test/support/prometheus-server';
import { defaultPrometheusHistoryConfig } from './config';
import { collectPrometheusHistory } from './read-prometheus-history';

/** 2024-01-01T00:00:00Z: fixed, so the data and the injected clock never depend on the wall clock. */
const END_MS = 1_704_067_200_000;
const DAY_MS = 86_400_000;
const STEP_MS = 60_000;

/** A day of a daily sine on a rising trend, one point a minute, ending at END_MS. */
function sineWithTrend(base: number, amplitude: number, slopePerDay: number): { t: number; v: number }[] {
  const points: { t: number; v: number }[] = [];
  for (let t = END_MS - DAY_MS; t <= END_MS; t += STEP_MS) {
    const age = (t - (END_MS - DAY_MS)) / DAY_MS;
    points.push({ t, v: base + slopePerDay * age + amplitude * Math.sin(2 * Math.PI * age) });
  }
  return points;
}

const hot = sineWithTrend(24, 3, 1.5);
const cool = sineWithTrend(18, 1, -0.25);
const series: StoredSeries[] = [
  { name: 'hw_temperature_celsius', labels: { host_name: 'srv-1', hw_id: 'inlet' }, points: hot },
  { name: 'hw_temperature_celsius', labels: { host_name: 'srv-2', hw_id: 'inlet' }, points: cool },
  // No hw_id: skipped by the entity template, and reported.
  { name: 'hw_temperature_celsius', labels: { host_name: 'srv-3' }, points: cool },
  {
    name: 'gaps_ratio',
    labels: { job: 'api' },
    points: hot.map((p, i) => ({ t: p.t, v: i % 10 === 0 ? NaN : i % 10 === 1 ? Infinity : p.v })),
  },
];

/** A loopback port nothing listens on (one just released). */
const closedPort = freePort;

describe('readPrometheusHistory against a real Prometheus', () => {
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    prometheus = await startPrometheusServer(series);
  });
  afterAll(async () => {
    await prometheus?.stop();
  });

  it('reads back the generated values at the query step, exactly', async () => {
    const config = {
      ...defaultPrometheusHistoryConfig(),
      url: prometheus.url,
      signals: [
        { query: 'hw_temperature_celsius', entity: 'hw:{{host_name}}/{{hw_id}}', signal: 'hw.temperature' },
        { query: 'gaps_ratio', entity: 'service:{{job}}', signal: 'gaps' },
        { query: 'sum(rate(', entity: 'x', signal: 'x' },
      ],
    };
    const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const report = await collectPrometheusHistory(config, { clock: { now: () => END_MS + 59_999 }, logger });
    expect(report.history.map((h) => `${h.entity} ${h.signal}`)).toEqual([
      'hw:srv-1/inlet hw.temperature',
      'hw:srv-2/inlet hw.temperature',
      'service:api gaps',
    ]);
    // 1441 points each: both ends of the day are included, and floats survive the text round trip.
    expect(report.history[0].points).toEqual(hot);
    expect(report.history[1].points).toEqual(cool);
    expect(report.history[2].points).toEqual(hot.filter((_p, i) => i % 10 > 1));
    expect(report.skippedPoints).toBe(hot.filter((_p, i) => i % 10 <= 1).length);
    expect(report.problems).toEqual([
      'query "hw_temperature_celsius": 1 series skipped, lacking label "hw_id" used by the entity template "hw:{{host_name}}/{{hw_id}}"',
      'query "sum(rate(": Prometheus error (HTTP 400, bad_data): 1:10: parse error: unclosed left parenthesis',
    ]);
  });

  it('reports a Prometheus that does not answer at the address', async () => {
    const port = await closedPort();
    const config = {
      ...defaultPrometheusHistoryConfig(),
      url: `http://127.0.0.1:${port}`,
      signals: [{ query: 'up', entity: 'service:{{job}}', signal: 'up' }],
    };
    const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const report = await collectPrometheusHistory(config, { clock: { now: () => END_MS }, logger });
    expect(report.problems).toEqual([`query "up": request failed: connect ECONNREFUSED 127.0.0.1:${port}`]);
  });
});
