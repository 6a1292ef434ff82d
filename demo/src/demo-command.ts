/** `twinops demo [--speed N] [--seed N] [--fault NAME[:TARGET]@TIME ...] [--otlp URL] ...`: the demo alone. */
import { parseArgs } from 'node:util';
import { defaultDemoOptions, startDemo } from './demo';
import type { DemoLogger, DemoOptions, RunningDemo } from './demo';

export const DEMO_USAGE = `Usage: twinops demo [options]

Runs the simulated data center and shop, sending OTLP to any receiver.

Options:
  --speed N          simulated seconds per real second (default 60: one day in 24 minutes)
  --seed N           seed of the simulation (default 1)
  --fault SPEC       NAME[:TARGET]@TIME, repeatable, e.g. crac_failure:crac-a1@10m; faults:
                     crac_failure, fan_failure, hot_spot, memory_leak, latency_regression,
                     slow_database, traffic_spike, host_crash
  --otlp URL         OTLP/HTTP base URL (default http://127.0.0.1:4318)
  --api HOST:PORT    fault and actuator API (default 127.0.0.1:8089)
  --token TOKEN      its bearer token (default: a random one, printed)
  --truth FILE       write the ground truth as JSONL
  --inventory FILE   write the data center's inventory file for the collector`;

/** Parses the options; throws an Error naming the option at fault. */
export function parseDemoArgs(argv: string[]): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      speed: { type: 'string' },
      seed: { type: 'string' },
      fault: { type: 'string', multiple: true },
      otlp: { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
      truth: { type: 'string' },
      inventory: { type: 'string' },
    },
  });
  const options = defaultDemoOptions();
  const number = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: must be a positive number, got "${text}"`);
    return value;
  };
  options.speed = number('speed', values.speed, options.speed);
  options.seed = number('seed', values.seed, options.seed);
  options.faults = values.fault ?? [];
  if (values.otlp !== undefined) {
    if (!/^https?:\/\/\S+$/.test(values.otlp)) throw new Error(`--otlp: must be an http:// or https:// URL, got "${values.otlp}"`);
    options.otlpEndpoint = values.otlp.replace(/\/+$/, '');
  }
  if (values.api !== undefined) {
    const match = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]/]+):(\d{1,5})$/.exec(values.api);
    if (!match || Number(match[2]) > 65535) throw new Error(`--api: must be host:port, got "${values.api}"`);
    options.apiHost = match[1].replace(/^\[|\]$/g, '');
    options.apiPort = Number(match[2]);
  }
  options.token = values.token ?? '';
  options.truthFile = values.truth ?? '';
  options.inventoryFile = values.inventory ?? '';
  return options;
}

export function demoBanner(demo: RunningDemo, options: DemoOptions): string {
  return [
    `TwinOps demo: a data center of 84 servers running a shop, at ${options.speed}x (seed ${options.seed})`,
    `  sending OTLP to ${options.otlpEndpoint}`,
    `  faults and actuators  ${demo.apiUrl}/api/v1   token: ${demo.token}`,
    options.truthFile ? `  ground truth         ${options.truthFile}` : '',
  ]
    .filter(Boolean)
    .join('\n') + '\n';
}

/** Starts the demo from command-line arguments; resolves once it runs (or with an exit code on bad input). */
export async function runDemoCommand(
  argv: string[],
  io: { out(text: string): void; err(text: string): void },
  logger: DemoLogger,
): Promise<{ code: number; demo?: RunningDemo }> {
  let options: DemoOptions;
  try {
    options = parseDemoArgs(argv);
    const demo = await startDemo(options, logger);
    io.out(demoBanner(demo, options));
    return { code: 0, demo };
  } catch (err) {
    io.err(`twinops demo: ${(err as Error).message}\n\n${DEMO_USAGE}\n`);
    return { code: 2 };
  }
}
