/**
 * What the API asks of the simulator: the calibrated physics (kept current by the calibrator)
 * and service model, and simulations run on them, inline or as jobs. A scenario is validated
 * first; what it names must exist in the twin. Bad input raises SimulationInputError, whose
 * messages name the field.
 */
import { calibrateServices } from './services';
import { ScenarioTargetError, compileScenario, runSimulation } from './engine';
import { createSimulationJobs, runInWorker } from './jobs';
import { parseScenario } from './scenario';
import type { DataCenterPhysics } from '../physics';
import type { Clock, MetricsRegistry, TwinReader } from '../model';
import type { SimulateConfig } from './config';
import type { SimulationContext } from './engine';
import type { SimulationJob } from './jobs';
import type { ServiceGraphPhysics } from './services';
import type { Scenario } from './scenario';

/** A scenario that cannot run as given: every message names the field and what is wrong. */
export class SimulationInputError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
  }
}

export interface SimulationServiceSettings {
  twin: TwinReader;
  clock: Clock;
  metrics: MetricsRegistry;
  /** The latest calibration of the data center (the calibrator's), refitted when absent. */
  dataCenter(): DataCenterPhysics;
}

export interface SimulationService {
  /** The calibrated models the next simulation would run on. */
  models(): { dataCenter: DataCenterPhysics; services: ServiceGraphPhysics };
  /** Validates and runs (or queues) a scenario; throws SimulationInputError for bad input. */
  simulate(raw: unknown, scenarioName?: string): SimulationJob;
  job(id: string): SimulationJob | undefined;
  /** Validates a scenario without running it (saving one). */
  validate(raw: unknown): Scenario;
  idle(): Promise<void>;
}

export function createSimulationService(config: SimulateConfig, settings: SimulationServiceSettings): SimulationService {
  const outcomes = settings.metrics.counter('twinops_simulations_total', 'What-if simulations run, by mode (inline, job) and outcome (ok, failed, rejected).', ['mode', 'outcome']);
  const durations = settings.metrics.counter('twinops_simulation_seconds_total', 'Time spent running what-if simulations, by mode.', ['mode']);
  const jobs = createSimulationJobs(
    { inlineMaxWork: config.inlineMaxWork, maxJobs: config.maxJobs },
    {
      clock: settings.clock,
      runInline: runSimulation,
      runAsync: runInWorker,
      onFinished(mode, outcome, seconds) {
        outcomes.inc({ mode, outcome });
        durations.inc({ mode }, seconds);
      },
    },
  );
  const models = () => {
    const now = settings.clock.now();
    return { dataCenter: settings.dataCenter(), services: calibrateServices(settings.twin, { now, windowSeconds: config.calibrationWindowSeconds }) };
  };
  const validate = (raw: unknown): Scenario => {
    const { scenario, errors } = parseScenario(raw);
    if (!scenario || errors.length > 0) {
      outcomes.inc({ mode: 'inline', outcome: 'rejected' });
      throw new SimulationInputError(errors);
    }
    return scenario;
  };
  return {
    models,
    validate,
    simulate(raw, scenarioName) {
      const scenario = validate(raw);
      const { dataCenter, services } = models();
      const context: SimulationContext = {
        physics: dataCenter,
        services,
        relations: settings.twin.topology().edges,
        siteId: settings.twin.listEntities({ type: 'site', limit: 1 }).items[0]?.id ?? 'site',
        start: settings.clock.now(),
        gridCarbonGramsPerKwh: config.gridCarbonGramsPerKwh,
      };
      const steps = Math.round(scenario.horizon_seconds / scenario.step_seconds);
      const work = (dataCenter.servers.length + services.services.length) * steps * (2 + (scenario.monte_carlo?.runs ?? 0));
      try {
        // What the scenario names is checked here, so that a job never fails for a typo.
        compileScenario(scenario, dataCenter, services, {});
        return jobs.submit(scenario, context, work, scenarioName);
      } catch (error) {
        if (error instanceof ScenarioTargetError) {
          outcomes.inc({ mode: 'inline', outcome: 'rejected' });
          throw new SimulationInputError([error.message]);
        }
        throw error;
      }
    },
    job: (id) => jobs.get(id),
    idle: () => jobs.idle(),
  };
}
