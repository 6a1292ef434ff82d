import type { Random } from '../random';

/**
 * Entry load of the shop: a daily curve, a weekend factor and slow seeded noise. Time is simulated
 * seconds since `startEpochSeconds` (a Unix instant, interpreted in UTC plus `utcOffsetSeconds`).
 *
 * Daily shape s(h), h the local hour: a raised cosine from the trough at `troughHour` up to the
 * peak at `peakHour`, and back down, each leg with zero slope at both ends:
 *   s = trough + (1 − trough) · (1 − cos(π·x)) / 2,
 *   x = (h − troughHour) / rise on the way up, x = 1 − (h − peakHour) / fall on the way down.
 * Rate = peak rate · s(h) · (weekend factor on Saturday and Sunday) · exp(n), n an
 * Ornstein–Uhlenbeck process (mean 0, standard deviation `noiseSigma`, time constant `noiseTauSeconds`).
 */
export interface LoadConfig {
  startEpochSeconds: number;
  utcOffsetSeconds: number;
  /** Requests/s per entry operation at the daily peak on a weekday. */
  peakRatesPerSecond: Record<string, number>;
  /** Ratio night trough / peak (0.2: five times less traffic at night). */
  troughFactor: number;
  troughHour: number;
  /** 20:00: shoppers buy after dinner. */
  peakHour: number;
  weekendFactor: number;
  noiseSigma: number;
  noiseTauSeconds: number;
}

export function defaultLoadConfig(startEpochSeconds = 0): LoadConfig {
  return {
    startEpochSeconds,
    utcOffsetSeconds: 0,
    peakRatesPerSecond: { 'GET /': 120, 'GET /product/:id': 200, 'POST /cart': 20, 'POST /checkout': 5 },
    troughFactor: 0.2,
    troughHour: 4,
    peakHour: 20,
    weekendFactor: 0.7,
    noiseSigma: 0.1,
    // Five minutes: bursts last a while instead of flickering from step to step.
    noiseTauSeconds: 300,
  };
}

/** Daily shape in [troughFactor, 1] at a local hour in [0, 24). */
export function dailyShape(config: LoadConfig, hour: number): number {
  const { troughHour, peakHour, troughFactor } = config;
  const rise = (peakHour - troughHour + 24) % 24;
  const sinceTrough = (hour - troughHour + 24) % 24;
  const x = sinceTrough <= rise ? sinceTrough / rise : 1 - (sinceTrough - rise) / (24 - rise);
  return troughFactor + ((1 - troughFactor) * (1 - Math.cos(Math.PI * x))) / 2;
}

/** Local hour of day and weekday (0 = Sunday … 6 = Saturday) at simulated time `nowSeconds`. */
export function localTime(config: LoadConfig, nowSeconds: number): { hour: number; weekday: number } {
  const local = config.startEpochSeconds + config.utcOffsetSeconds + nowSeconds;
  const days = Math.floor(local / 86400);
  const hour = (local - days * 86400) / 3600;
  // 1970-01-01 was a Thursday (4).
  const weekday = (((days + 4) % 7) + 7) % 7;
  return { hour, weekday };
}

/** Noiseless rate (requests/s) of an entry operation at simulated time `nowSeconds`. */
export function baseRate(config: LoadConfig, operation: string, nowSeconds: number): number {
  const peak = config.peakRatesPerSecond[operation] ?? 0;
  const { hour, weekday } = localTime(config, nowSeconds);
  const weekend = weekday === 0 || weekday === 6 ? config.weekendFactor : 1;
  return peak * dailyShape(config, hour) * weekend;
}

export interface LoadModel {
  /** Advances the noise by dt seconds. */
  step(dtSeconds: number): void;
  /** Rate with noise (requests/s) of an entry operation at `nowSeconds`. */
  rate(operation: string, nowSeconds: number): number;
}

export function createLoadModel(config: LoadConfig, random: Random): LoadModel {
  const noise = new Map<string, number>(Object.keys(config.peakRatesPerSecond).map((op) => [op, 0]));
  return {
    step(dtSeconds) {
      const decay = Math.exp(-dtSeconds / config.noiseTauSeconds);
      const spread = config.noiseSigma * Math.sqrt(1 - decay * decay);
      for (const [op, n] of noise) noise.set(op, n * decay + spread * random.normal());
    },
    rate(operation, nowSeconds) {
      return baseRate(config, operation, nowSeconds) * Math.exp(noise.get(operation) ?? 0);
    },
  };
}
