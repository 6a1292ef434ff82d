import { calibrateDataCenter } from './calibrate-data-center';
import type { Clock, MetricsRegistry, TwinReader } from '../model';
import type { DataCenterPhysics } from './types';

/**
 * Continuous calibration: refits from the live twin every `intervalSeconds` of the injected
 * clock's time. A timer (injectable; real and unref'd by default) checks every intervalSeconds
 * of real time, and `latest()` refits on demand when the fit is older than the interval, so the
 * API and the engine never see a stale fit even when the clock runs faster than real time.
 */
export interface CalibratorTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface CalibratorSettings {
  clock: Clock;
  metrics: MetricsRegistry;
  intervalSeconds: number;
  windowSeconds: number;
  timers?: CalibratorTimers;
}

export interface Calibrator {
  latest(): DataCenterPhysics | undefined;
  refit(now: number): DataCenterPhysics;
  stop(): void;
}

const realTimers: CalibratorTimers = {
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export function createCalibrator(twin: TwinReader, settings: CalibratorSettings): Calibrator {
  const runs = settings.metrics.counter('twinops_physics_calibrations_total', 'Data-center physics calibrations, by outcome.', ['outcome']);
  const servers = settings.metrics.gauge('twinops_physics_servers', 'Servers in the latest data-center physics calibration.', []);
  const fitted = settings.metrics.gauge('twinops_physics_fitted_ratio', 'Share of server parameters fitted from telemetry (not priors), by parameter.', ['parameter']);
  const timers = settings.timers ?? realTimers;
  let current: DataCenterPhysics | undefined;
  let stopped = false;

  const refit = (now: number): DataCenterPhysics => {
    try {
      current = calibrateDataCenter(twin, { now, windowSeconds: settings.windowSeconds });
    } catch (error) {
      runs.inc({ outcome: 'error' });
      throw error;
    }
    runs.inc({ outcome: 'ok' });
    const n = current.servers.length;
    servers.set({}, n);
    const list = current.servers;
    const share = (pick: (s: DataCenterPhysics['servers'][number]) => string) => (n === 0 ? 0 : list.filter((s) => pick(s) === 'fitted').length / n);
    fitted.set({ parameter: 'power' }, share((s) => s.powerFit.source));
    fitted.set({ parameter: 'inlet' }, share((s) => s.inletFit.source));
    return current;
  };
  const due = () => current === undefined || settings.clock.now() - current.at >= settings.intervalSeconds * 1000;
  const handle = timers.setInterval(() => {
    if (!stopped && due()) {
      try {
        refit(settings.clock.now());
      } catch {
        // Counted above; the previous fit stays in use.
      }
    }
  }, settings.intervalSeconds * 1000);

  return {
    latest() {
      if (!stopped && due()) {
        try {
          refit(settings.clock.now());
        } catch {
          // Counted in refit; the previous fit (if any) is the best there is.
        }
      }
      return current;
    },
    refit,
    stop() {
      if (stopped) return;
      stopped = true;
      timers.clearInterval(handle);
    },
  };
}
