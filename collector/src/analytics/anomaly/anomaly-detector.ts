/**
 * A streaming anomaly detector for one signal. Three cheap views of each point, each learning
 * online: the residual against the best of several predictors (last value, slow mean, daily and
 * weekly profiles) measured on the long-run error scale, the novelty of the recent shape (share of
 * new quantised contexts of lengths 1 to 4), and whether the value
 * leaves the range seen so far. Residual and novelty pass through their own likelihood step
 * (recent surprise against the signal's usual surprise); the score is the larger of the two, or 1
 * when the value leaves the known range by more than a tolerance.
 */
import { AnomalyLikelihood } from './anomaly-likelihood';
import { PatternNovelty } from './pattern-novelty';
import { ResidualModel } from './residual-model';

export interface AnomalyDetectorOptions {
  /** Score at or above which a point is flagged. 0.5 is a tail probability of 1e-5. */
  flagLevel: number;
  /** Points that only teach the detector (scores 0): range and bins are learned over them. */
  warmup: number;
  /** Share of the known range a value must leave it by to score 1. */
  rangeTolerance: number;
  /** Points after a flag during which scores are halved, so one event is one alert. */
  cooldown: number;
  /** Raw scores averaged in each likelihood step. */
  shortWindow: number;
  /** Time constant (points) of the usual level of surprise. */
  longWindow: number;
}

export interface AnomalyResult {
  /** In [0, 1]. */
  score: number;
  flag: boolean;
}

export interface AnomalyDetector {
  /** Feed the point (t in epoch ms, increasing) and get its score. */
  update(t: number, v: number): AnomalyResult;
  /** Bytes of state this detector holds (typed arrays and scalars, not object headers). */
  stateBytes(): number;
}

export function defaultAnomalyDetectorOptions(): AnomalyDetectorOptions {
  // warmup 400: more than a day at 5-minute steps, so the known range and bins cover a full cycle.
  // cooldown 30: one event raises one alert rather than one per point while the short average stays high.
  return { flagLevel: 0.5, warmup: 400, rangeTolerance: 0.05, cooldown: 30, shortWindow: 10, longWindow: 2000 };
}

export function createAnomalyDetector(options: Partial<AnomalyDetectorOptions> = {}): AnomalyDetector {
  return new StreamingDetector({ ...defaultAnomalyDetectorOptions(), ...options });
}

class StreamingDetector implements AnomalyDetector {
  // errorAlpha 0.002: each predictor's error scale is learned over ~500 points, so the z-score
  // compares a point's error with the long-run error and a change in the noise (a burst, a new
  // variance) shows in the 10-point likelihood window instead of being normalised away within a
  // few dozen points; it also makes the choice of best predictor steadier.
  private readonly residual = new ResidualModel({ errorAlpha: 0.002, meanAlpha: 0.01, seasonalAlpha: 0.25, maxBins: 288, stepSamples: 50 });
  private readonly novelty: PatternNovelty;
  private readonly residualLikelihood: AnomalyLikelihood;
  private readonly noveltyLikelihood: AnomalyLikelihood;
  private count = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private sinceFlag = Number.POSITIVE_INFINITY;

  constructor(private readonly o: AnomalyDetectorOptions) {
    this.novelty = new PatternNovelty({ bins: 12, context: 4, tableBits: 32_768, learnPoints: Math.floor(o.warmup / 2) });
    const likelihood = { shortWindow: o.shortWindow, longWindow: o.longWindow };
    this.residualLikelihood = new AnomalyLikelihood(likelihood);
    this.noveltyLikelihood = new AnomalyLikelihood(likelihood);
  }

  update(t: number, v: number): AnomalyResult {
    this.count++;
    const span = this.max - this.min;
    const z = this.residual.update(t, v, span > 0 ? span * 1e-3 : 1e-9);
    // z²/2 is the surprisal of a normal error, capped at that of z = 4 so one wild point adds at most
    // 0.8 to the 10-point average: a lone spike is judged by the range check, a run of errors here.
    const a = this.residualLikelihood.update(Math.min(0.5 * z * z, 8));
    const b = this.noveltyLikelihood.update(this.novelty.update(v));
    const tolerance = this.o.rangeTolerance * span;
    const outOfRange = this.count > this.o.warmup && (v > this.max + tolerance || v < this.min - tolerance);
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (this.count <= this.o.warmup) return { score: 0, flag: false };
    let score = outOfRange ? 1 : Math.max(a, b);
    this.sinceFlag++;
    const cooling = this.sinceFlag <= this.o.cooldown;
    if (cooling) score *= 0.5;
    const flag = !cooling && score >= this.o.flagLevel;
    if (flag) this.sinceFlag = 0;
    return { score, flag };
  }

  stateBytes(): number {
    return this.residual.bytes + this.novelty.bytes + this.residualLikelihood.bytes + this.noveltyLikelihood.bytes + 4 * 8;
  }
}
