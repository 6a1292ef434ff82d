/**
 * Starts a real Prometheus for a test, already holding known data: the series are written as
 * OpenMetrics text with explicit timestamps, turned into TSDB blocks by
 * `promtool tsdb create-blocks-from openmetrics`, and the server is started on those blocks with
 * no scrape jobs, so the data stays exactly what the test wrote.
 *
 * Found with Prometheus 2.42 (Debian): blocks made by promtool are queried correctly whatever
 * their age. Data ending at the wall-clock "now" (inside the head's two-hour window) and data
 * ending years ago both came back in full from query_range, so tests use fixed past timestamps
 * and an injected clock. Retention is measured from the newest block, not the wall clock, but
 * `--storage.tsdb.retention.time=10y` keeps the defaults from ever deleting test data.
 *
 * Timings on 2 cores: `--max-block-duration=48h` makes two blocks of a day instead of thirteen
 * two-hour ones (promtool 0.4 s instead of 1.1 s). The files go under the OS temp dir, not
 * /dev/shm: promtool preallocates its chunk files, which tmpfs zeroes in memory (6.5 s there).
 * Prometheus is ready about 0.1 s after it starts.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

/** One series to store: a metric name, its labels, its points (t in ms since the epoch). */
export interface StoredSeries {
  name: string;
  labels: Record<string, string>;
  points: { t: number; v: number }[];
}

export interface PrometheusServer {
  /** http://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

function findOnPath(binary: string): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, binary))) return join(dir, binary);
  }
  throw new Error(`${binary} not found on PATH (Debian: apt-get install prometheus)`);
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  // JavaScript's shortest round-trip form: Prometheus parses it back to the same float64.
  return String(v);
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** OpenMetrics text: one gauge family per metric name, samples in time order with timestamps in seconds. */
export function openMetricsText(series: StoredSeries[]): string {
  const byName = new Map<string, StoredSeries[]>();
  for (const s of series) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const lines: string[] = [];
  for (const [name, family] of byName) {
    lines.push(`# TYPE ${name} gauge`);
    for (const s of family) {
      const labels = Object.entries(s.labels)
        .map(([key, value]) => `${key}="${escapeLabel(value)}"`)
        .join(',');
      const head = labels === '' ? name : `${name}{${labels}}`;
      for (const p of [...s.points].sort((a, b) => a.t - b.t)) lines.push(`${head} ${formatValue(p.v)} ${p.t / 1000}`);
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

async function waitReady(url: string, exited: () => string | undefined, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const exit = exited();
    if (exit !== undefined) throw new Error(`prometheus exited before ready: ${exit}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`prometheus not ready within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Writes the series into fresh TSDB blocks and serves them; stop() ends the server and removes its files. */
export async function startPrometheusServer(series: StoredSeries[]): Promise<PrometheusServer> {
  const prometheus = findOnPath('prometheus');
  const promtool = findOnPath('promtool');
  const dir = mkdtempSync(join(tmpdir(), 'twinops-prom-'));
  const data = join(dir, 'data');
  const input = join(dir, 'input.om');
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(input, openMetricsText(series));
  // No scrape_configs: nothing but the test's data ever enters the database.
  writeFileSync(configFile, 'global:\n  scrape_interval: 1h\n');
  let output = '';
  let exit: string | undefined;
  let child: ReturnType<typeof spawn> | undefined;
  try {
    await run(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=48h', input, data]);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(
      prometheus,
      [
        `--storage.tsdb.path=${data}`,
        `--config.file=${configFile}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=10y',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => {
      exit = `code ${code} signal ${signal}: ${output}`;
    });
    await waitReady(url, () => exit, 15_000);
    const running = child;
    let stopped = false;
    return {
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        if (exit === undefined) {
          await new Promise<void>((resolve) => {
            running.once('exit', () => resolve());
            running.kill('SIGTERM');
          });
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    if (child && exit === undefined) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
