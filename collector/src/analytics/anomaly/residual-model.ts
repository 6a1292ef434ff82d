/**
 * Prediction residuals for one signal: several cheap predictors run side by side — the last
 * value (random walks, level shifts), a slow mean (stationary noise), and daily and weekly
 * profiles (seasonality, detected online: a profile is used only when it predicts better than
 * the others) — and the one with the smallest recent mean absolute error sets the surprise:
 * the point's error over that predictor's typical error, as a robust z-score.
 */
import { SeasonalProfile, seasonalBins } from './seasonal-profile';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface ResidualOptions {
  /** Smoothing of each predictor's mean absolute error (per point). */
  errorAlpha: number;
  /** Smoothing of the slow mean predictor (per point). */
  meanAlpha: number;
  /** Smoothing of each seasonal bin across cycles. */
  seasonalAlpha: number;
  /** Cap on bins per seasonal profile (memory per signal). */
  maxBins: number;
  /** Points seen before seasonal profiles are created: the sampling step is estimated over them. */
  stepSamples: number;
}

// Predictor slots: 0 last value, 1 slow mean, 2 daily profile, 3 weekly profile.
const PREDICTORS = 4;

export class ResidualModel {
  private readonly mae = new Float64Array(PREDICTORS).fill(Number.NaN);
  private readonly seen = new Uint32Array(PREDICTORS);
  private readonly prediction = new Float64Array(PREDICTORS);
  private last = Number.NaN;
  private mean = 0;
  private count = 0;
  private firstT = 0;
  private daily: SeasonalProfile | undefined;
  private weekly: SeasonalProfile | undefined;

  constructor(private readonly options: ResidualOptions) {}

  /** Robust z-score of v against the best predictor so far (0 while nothing predicts yet); learns v afterwards. */
  update(t: number, v: number, scaleFloor: number): number {
    const p = this.prediction;
    p[0] = this.last;
    p[1] = this.count > 0 ? this.mean : Number.NaN;
    p[2] = this.daily ? this.daily.predict(t) : Number.NaN;
    p[3] = this.weekly ? this.weekly.predict(t) : Number.NaN;
    let best = -1;
    for (let i = 0; i < PREDICTORS; i++) {
      if (this.seen[i] >= 16 && !Number.isNaN(p[i]) && (best < 0 || this.mae[i] < this.mae[best])) best = i;
    }
    // Mean absolute deviation times 1.25 approximates a normal standard deviation.
    const z = best < 0 ? 0 : Math.abs(v - p[best]) / (1.25 * this.mae[best] + scaleFloor);
    for (let i = 0; i < PREDICTORS; i++) {
      if (Number.isNaN(p[i])) continue;
      const e = Math.abs(v - p[i]);
      const a = Math.max(this.options.errorAlpha, 1 / (this.seen[i] + 1));
      this.mae[i] = this.seen[i] === 0 ? e : this.mae[i] + a * (e - this.mae[i]);
      this.seen[i]++;
    }
    this.learn(t, v);
    return z;
  }

  private learn(t: number, v: number): void {
    this.last = v;
    this.count++;
    this.mean += Math.max(this.options.meanAlpha, 1 / this.count) * (v - this.mean);
    if (this.count === 1) this.firstT = t;
    if (this.count === this.options.stepSamples) this.createProfiles(t);
    this.daily?.learn(t, v);
    this.weekly?.learn(t, v);
  }

  private createProfiles(t: number): void {
    const step = (t - this.firstT) / (this.count - 1);
    if (!(step > 0)) return;
    const o = this.options;
    const dayBins = seasonalBins(DAY_MS, step, o.maxBins);
    const weekBins = seasonalBins(WEEK_MS, step, o.maxBins);
    if (dayBins > 0) this.daily = new SeasonalProfile(DAY_MS, dayBins, o.seasonalAlpha);
    if (weekBins > 0) this.weekly = new SeasonalProfile(WEEK_MS, weekBins, o.seasonalAlpha);
  }

  get bytes(): number {
    return 3 * PREDICTORS * 8 + 5 * 8 + (this.daily?.bytes ?? 0) + (this.weekly?.bytes ?? 0);
  }
}
