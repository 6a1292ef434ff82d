/** The `twinops` command line: `twinops collector [--config FILE] [--demo]`, `twinops demo`, `twinops config defaults|check`, `twinops snapshot export|import`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEMO_USAGE,
  createDataCenterLayout,
  defaultDemoOptions,
  demoBanner,
  renderInventoryYaml,
  runDemoCommand,
  startDemo,
} from '@twinops/demo';
import type { RunningDemo } from '@twinops/demo';
import { runM4Eval, runNabEval, runPetshopEval } from './analytics';
import { ConfigError, renderDefaults } from './config';
import { collectorConfigSchema, createCollector, createLogger, loadCollectorConfig, runSnapshotCommand } from './collector';
import type { Collector, CollectorConfig } from './collector';
import { VERSION } from './version';

const USAGE = `Usage: twinops <command> [options]

Commands:
  collector [--config FILE]      run the collector (embedded defaults without --config)
            [--demo]             ... with the demo data center and shop sending to it
  demo [options]                 run the demo alone against any OTLP receiver (twinops demo --help)
  config defaults                print the default config file, every key documented
  config check [--config FILE]   validate a config file (and TWINOPS_* overrides) and exit
  snapshot export [--out FILE]   write the configured store (store.*) as one JSON document
  snapshot import FILE           load a snapshot into the configured store, which must be empty
  eval m4 --train F --test F --out F        forecast M4-format series; print sMAPE, MASE, OWA
  eval nab --data DIR --windows F --out DIR  detect anomalies on a NAB corpus; print NAB scores
  eval petshop --data DIR --out RANKING.json  rank root causes of PetShop issues; print top-1/top-3

Options:
  -c, --config FILE   YAML config file
  -h, --help          show this help
  -v, --version       print the version

Any config key can be overridden from the environment: TWINOPS_API__ENDPOINT=0.0.0.0:8088
sets api.endpoint (path segments joined by "__", values parsed as YAML).`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** Runs a command; resolves to the exit code (the collector command resolves once it is running). */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  if (argv[0] === 'demo') return runDemo(argv.slice(1), io);
  if (argv[0] === 'eval' && argv[1] === 'm4') return runM4Eval(argv.slice(2), io);
  if (argv[0] === 'eval' && argv[1] === 'nab') return runNabEval(argv.slice(2), io);
  if (argv[0] === 'eval' && argv[1] === 'petshop') return runPetshopEval(argv.slice(2), io);
  if (argv[0] === 'eval') return done(io.err, `twinops: eval takes m4, nab or petshop\n\n${USAGE}\n`, 2);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        out: { type: 'string', short: 'o' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.err(`twinops: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) return done(io.out, `${VERSION}\n`);
  if (positionals[0] === 'snapshot' && (positionals[1] === 'export' || positionals[1] === 'import') && positionals.length <= 3) {
    const action = positionals[1];
    const file = action === 'export' ? values.out : positionals[2];
    return withConfig(values.config, io, (config) => runSnapshotCommand(action, file, config, io));
  }
  const command = positionals.join(' ');
  if (values.help || command === '') return done(values.help ? io.out : io.err, `${USAGE}\n`, values.help ? 0 : 2);
  switch (command) {
    case 'config defaults':
      return done(io.out, renderDefaults(collectorConfigSchema));
    case 'config check':
      return withConfig(values.config, io, () => done(io.out, `${values.config ?? '(defaults)'}: valid\n`));
    case 'collector':
      return withConfig(values.config, io, (config) => runCollector(config, io, values.demo ?? false));
    default:
      io.err(`twinops: unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

function done(write: (text: string) => void, text: string, code = 0): number {
  write(text);
  return code;
}

async function withConfig(file: string | undefined, io: Io, use: (config: CollectorConfig) => number | Promise<number>) {
  let config: CollectorConfig;
  try {
    config = loadCollectorConfig({ file, env: io.env });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`twinops: ${err.message}\n`);
    return 1;
  }
  return use(config);
}

async function runDemo(argv: string[], io: Io): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return done(io.out, `${DEMO_USAGE}\n`);
  const logger = createLogger('info', io.err);
  const { code, demo } = await runDemoCommand(argv, io, logger);
  if (demo) onStop(logger, () => demo.stop());
  return code;
}

/** With --demo, the collector reads the demo's inventory and the demo sends to its OTLP receiver. */
const DEMO_INVENTORY = join('data', 'demo-inventory.yaml');

async function runCollector(config: CollectorConfig, io: Io, withDemo: boolean): Promise<number> {
  const logger = createLogger(config.logLevel, io.err);
  const demoOptions = defaultDemoOptions();
  if (withDemo && config.twin.inventory.file === '') {
    mkdirSync('data', { recursive: true });
    writeFileSync(DEMO_INVENTORY, renderInventoryYaml(createDataCenterLayout()));
    config.twin.inventory.file = DEMO_INVENTORY;
  }
  const collector = createCollector(config, { logger, env: io.env, version: VERSION });
  let demo: RunningDemo | undefined;
  try {
    await collector.start();
    if (withDemo) demo = await startDemo({ ...demoOptions, otlpEndpoint: `http://${collector.endpoints().otlpHttp}` }, logger);
  } catch (err) {
    logger.error('the collector could not start', { reason: (err as Error).message });
    await collector.shutdown();
    return 1;
  }
  io.out(banner(collector));
  if (demo) io.out(demoBanner(demo, demoOptions));
  onStop(logger, async () => {
    await demo?.stop();
    await collector.shutdown();
  });
  process.on('SIGHUP', () => {
    collector.reloadInventory().then((problems) => {
      if (problems.length === 0) logger.info('inventory reloaded');
      else logger.error('inventory not reloaded; the previous one stays', { problems });
    });
  });
  return 0;
}

function banner(collector: Collector): string {
  const { otlpHttp, otlpGrpc, api } = collector.endpoints();
  const lines = [`TwinOps collector ${VERSION}`];
  if (otlpHttp) lines.push(`  OTLP/HTTP  http://${otlpHttp}   POST /v1/traces /v1/metrics /v1/logs (protobuf or JSON, gzip)`);
  if (otlpGrpc) lines.push(`  OTLP/gRPC  ${otlpGrpc}          TraceService, MetricsService, LogsService Export`);
  lines.push(`  API        http://${api}/api/v1   OpenAPI: http://${api}/api/v1/openapi.json`);
  lines.push(`  Metrics    http://${api}/metrics`);
  lines.push(`  UI         http://${api}/ui/`);
  return `${lines.join('\n')}\n`;
}

/** SIGINT and SIGTERM stop gracefully, then exit. */
function onStop(logger: ReturnType<typeof createLogger>, shutdown: () => Promise<void>): void {
  const stop = (signal: string) => {
    logger.info('shutting down', { signal });
    shutdown().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error('shutdown failed', { reason: err.message });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** The bin entry: exit codes other than 0 end the process; 0 from `collector` leaves it serving. */
export function main(argv: string[]): void {
  run(argv).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`twinops: ${err.stack ?? err.message}\n`);
      process.exitCode = 1;
    },
  );
}
