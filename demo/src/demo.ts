/**
 * The running demo: the simulation advanced with real time, its telemetry sent over OTLP through
 * the OpenTelemetry SDK once per real second, the fault and actuator API, and the ground-truth file.
 */
import { writeFileSync } from 'node:fs';
import { createApiServer, defaultApiServerConfig } from './api';
import { createRealtimeDriver, createSimulation, createTruthWriter, defaultTruthWriterConfig, parseFaultSpec } from './runner';
import type { Simulation, StepResult } from './runner';
import { createTelemetryEmitter } from './telemetry';
import { renderInventoryYaml } from './world';

export interface DemoOptions {
  seed: number;
  /** Simulated seconds per real second (60: one simulated day in 24 minutes). */
  speed: number;
  /** Fault specs, NAME[:TARGET]@TIME (simulated time since the start). */
  faults: string[];
  /** Base URL of an OTLP/HTTP receiver (/v1/traces, /v1/metrics, /v1/logs are appended). */
  otlpEndpoint: string;
  /** host:port of the fault and actuator API. */
  apiHost: string;
  apiPort: number;
  /** Bearer token of the API; '' = a random one. */
  token: string;
  /** Ground truth as JSONL; '' = none. */
  truthFile: string;
  /** Where to write the inventory file for the collector; '' = nowhere. */
  inventoryFile: string;
}

export function defaultDemoOptions(): DemoOptions {
  return {
    seed: 1,
    speed: 60,
    faults: [],
    otlpEndpoint: 'http://127.0.0.1:4318',
    apiHost: '127.0.0.1',
    apiPort: 8089,
    token: '',
    truthFile: '',
    inventoryFile: '',
  };
}

export interface RunningDemo {
  simulation: Simulation;
  /** http://host:port of the fault and actuator API. */
  apiUrl: string;
  token: string;
  stop(): Promise<void>;
}

export interface DemoLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

// Telemetry goes out once per real second: each step covers `speed` simulated seconds.
const EMIT_INTERVAL_MS = 1000;

export async function startDemo(options: DemoOptions, logger: DemoLogger): Promise<RunningDemo> {
  const faults = options.faults.map(parseFaultSpec);
  const simulation = createSimulation({ seed: options.seed, speed: options.speed, stepSeconds: options.speed * (EMIT_INTERVAL_MS / 1000), faults });
  if (options.inventoryFile) writeFileSync(options.inventoryFile, renderInventoryYaml(simulation.layout, { speed: options.speed }));
  const emitter = createTelemetryEmitter({ otlpEndpoint: options.otlpEndpoint, layout: simulation.layout, catalog: simulation.catalog });
  const truth = options.truthFile ? createTruthWriter(defaultTruthWriterConfig(options.truthFile)) : undefined;
  const api = createApiServer({ ...defaultApiServerConfig(), token: options.token }, { simulation, logger });
  await api.app.listen({ host: options.apiHost, port: options.apiPort });
  const address = api.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.apiPort;

  let sending: Promise<unknown> = Promise.resolve();
  let busy = false;
  let layout = simulation.layout;
  const onStep = (step: StepResult) => {
    truth?.record(step.epochSeconds, simulation.truth);
    // Servers added through the API: the inventory file follows (the collector reads it when it loads it).
    if (step.world.model.layout !== layout) {
      layout = step.world.model.layout;
      if (options.inventoryFile) writeFileSync(options.inventoryFile, renderInventoryYaml(layout, { speed: options.speed }));
    }
    // A slow receiver must not pile up exports: a step that finds the previous one still going is skipped.
    if (busy) return logger.warn('telemetry export still running; step skipped', { simulatedSeconds: step.timeSeconds });
    busy = true;
    sending = emitter
      .emit({ sensors: step.sensors, shop: step.shop, hostLoad: step.hostLoad, layout: step.world.model.layout }, Date.now())
      .catch((err: Error) => logger.warn('telemetry export failed', { reason: err.message }))
      .finally(() => (busy = false));
  };
  onStep(simulation.step());
  const driver = createRealtimeDriver(simulation, { onStep, tickMs: EMIT_INTERVAL_MS });

  return {
    simulation,
    apiUrl: `http://${options.apiHost.includes(':') ? `[${options.apiHost}]` : options.apiHost}:${port}`,
    token: api.token,
    async stop() {
      driver.stop();
      await sending;
      await emitter.shutdown();
      await api.app.close();
      await truth?.close();
    },
  };
}
