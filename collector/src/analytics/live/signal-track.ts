/**
 * One analysed signal: its anomaly detector, fed every closed history bucket, and its forecast,
 * fed the mean of the buckets in each step. The step history is kept here so a refit can start a
 * fresh forecast state from it whenever the engine grants one (refits are rationed per tick);
 * between refits the state takes each step in O(1).
 */
import { createAnomalyDetector } from '../anomaly';
import type { AnomalyDetector } from '../anomaly';
import { createForecastState, timeToThreshold } from '../forecast';
import type { Forecast, ForecastState } from '../forecast';
import { StepHistory } from './step-history';
import type { ThresholdRule } from './config';
import type { AnomalyPoint, ThresholdCrossing } from './types';

export interface TrackOptions {
  stepMs: number;
  minHistory: number;
  maxHistory: number;
  refitEvery: number;
  level: number;
  warmup: number;
  flagLevel: number;
}

export class SignalTrack {
  unit = '';
  /** Start of the last bucket fed (to the detector and the steps). */
  lastFed = Number.NEGATIVE_INFINITY;
  anomaly: AnomalyPoint | undefined;
  crossing: ThresholdCrossing | undefined;
  /** Start of the last step pushed to the forecast; the forecast's step h starts h steps later. */
  lastStepStart = Number.NaN;
  /** Set when a refit is due; the engine grants it when the tick's ration allows. */
  refitDue = false;
  /** Set when a step was pushed since the forecast-derived figures were last computed. */
  stale = false;
  private readonly detector: AnomalyDetector;
  private readonly history: StepHistory;
  private state: ForecastState | undefined;
  private sinceRefit = 0;
  private stepStart = Number.NaN;
  private stepSum = 0;
  private stepCount = 0;
  private lastStepValue = Number.NaN;
  private cached: Forecast | undefined;

  constructor(
    readonly entity: string,
    readonly signal: string,
    readonly threshold: ThresholdRule | undefined,
    private readonly o: TrackOptions,
  ) {
    this.detector = createAnomalyDetector({ warmup: o.warmup, flagLevel: o.flagLevel });
    this.history = new StepHistory(o.maxHistory);
  }

  /** Feeds one closed bucket; returns the detector's verdict. */
  feed(t: number, v: number): AnomalyPoint {
    this.lastFed = t;
    const { score, flag } = this.detector.update(t, v);
    this.anomaly = { t, score, flag };
    // A flagged point may be a new regime (a level shift, a failing cooler): refit to follow it.
    if (flag && this.state) this.refitDue = true;
    const step = Math.floor(t / this.o.stepMs) * this.o.stepMs;
    if (step !== this.stepStart) {
      if (this.stepCount > 0) this.pushStep(this.stepStart, this.stepSum / this.stepCount);
      this.stepStart = step;
      this.stepSum = 0;
      this.stepCount = 0;
    }
    this.stepSum += v;
    this.stepCount++;
    return this.anomaly;
  }

  /** Fits a fresh forecast state to the step history. */
  refit(): void {
    this.refitDue = false;
    this.sinceRefit = 0;
    const values = this.history.values();
    if (values.length < this.o.minHistory) return;
    // minHistory = the whole history: the state fits once, at the last push; it never refits by itself.
    const state = createForecastState({
      level: this.o.level,
      maxHistory: this.o.maxHistory,
      minHistory: values.length,
      refitEvery: Number.MAX_SAFE_INTEGER,
    });
    for (const v of values) state.push(v);
    this.state = state;
    this.cached = undefined;
    this.stale = true;
  }

  get fitted(): boolean {
    return this.state !== undefined;
  }

  /** The forecast for steps 1..steps after the last step, cached until the next step or refit. */
  forecast(steps: number): Forecast | undefined {
    if (!this.state) return undefined;
    if (!this.cached || this.cached.mean.length < steps) this.cached = this.state.forecast(steps);
    const f = this.cached;
    if (!f || f.mean.length === steps) return f;
    return { ...f, mean: f.mean.slice(0, steps), lower: f.lower.slice(0, steps), upper: f.upper.slice(0, steps) };
  }

  /** Recomputes the threshold crossing from a forecast of `steps` steps. */
  updateCrossing(steps: number): void {
    const rule = this.threshold;
    const f = rule && this.forecast(steps);
    if (!rule || !f) return;
    const at = (s: number | undefined) => (s === undefined ? undefined : Math.round(this.lastStepStart + s * this.o.stepMs));
    const t = timeToThreshold(f, rule.limit, rule.direction);
    this.crossing = { limit: rule.limit, direction: rule.direction };
    const [crossAt, earliest, latest] = [at(t.steps), at(t.earliestSteps), at(t.latestSteps)];
    if (crossAt !== undefined) this.crossing.at = crossAt;
    if (earliest !== undefined) this.crossing.earliest = earliest;
    if (latest !== undefined) this.crossing.latest = latest;
  }

  /** Bytes of state held: detector, step history, and the forecast state's copy (estimated). */
  get bytes(): number {
    return this.detector.stateBytes() + this.history.bytes + (this.state ? this.state.size * 8 : 0);
  }

  private pushStep(start: number, value: number): void {
    const previous = this.lastStepStart;
    if (!Number.isNaN(previous)) {
      const missing = Math.round((start - previous) / this.o.stepMs) - 1;
      if (missing >= this.o.maxHistory) {
        // Silent for longer than the history holds: start over rather than invent a history.
        this.history.clear();
        this.state = undefined;
        this.cached = undefined;
        this.crossing = undefined;
        this.sinceRefit = 0;
      } else {
        // Steps without a bucket are interpolated: the models need evenly spaced points.
        for (let k = 1; k <= missing; k++) this.addStep(this.lastStepValue + ((value - this.lastStepValue) * k) / (missing + 1));
      }
    }
    this.addStep(value);
    this.lastStepStart = start;
    this.lastStepValue = value;
  }

  private addStep(value: number): void {
    this.history.push(value);
    this.state?.push(value);
    this.cached = undefined;
    this.stale = true;
    this.sinceRefit++;
    if (this.state ? this.sinceRefit >= this.o.refitEvery : this.history.length >= this.o.minHistory) this.refitDue = true;
  }
}
