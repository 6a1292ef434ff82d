/**
 * Cost of streaming anomaly detection: updates per second on one core over many signals (one
 * detector each, fed in turn as a collector would), and bytes of state per signal.
 */
import { createAnomalyDetector } from '../src/analytics/anomaly';

export interface AnomalyBenchResult {
  updatesPerSecond: number;
  bytesPerSignal: number;
  signals: number;
  updates: number;
}

export function runAnomalyBench(options: { signals?: number; points?: number } = {}): AnomalyBenchResult {
  const signals = options.signals ?? 1000;
  const points = options.points ?? 1000;
  const detectors = Array.from({ length: signals }, () => createAnomalyDetector());
  // Warm-up pass past the detectors' learning period so the timed part is the steady state.
  const feed = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const t = i * 10_000;
      for (let s = 0; s < signals; s++) detectors[s].update(t, 50 + 20 * Math.sin(i / 40 + s) + ((i * 7919 + s * 104729) % 97) / 10);
    }
  };
  feed(0, 500);
  const start = process.cpuUsage();
  feed(500, 500 + points);
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  return { updatesPerSecond: (signals * points) / seconds, bytesPerSignal: detectors[0].stateBytes(), signals, updates: signals * points };
}
