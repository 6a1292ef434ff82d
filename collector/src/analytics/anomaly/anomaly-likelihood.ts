/**
 * The likelihood step of HTM's anomaly likelihood, done online: the mean of the last few raw
 * scores is compared with the long-run distribution of raw scores (mean and variance, learned
 * online), and its upper-tail probability is turned into a score in [0, 1] on a log scale, so
 * that a score of 0.5 means a tail probability of 1e-5 and 1 means 1e-10 or less. A detector's
 * usual level of surprise (a noisy series is always a little surprising) thus sets its own bar.
 */
import { log10NormalTail } from './normal-tail';

export interface LikelihoodOptions {
  /** Raw scores averaged before comparison with the long-run distribution. */
  shortWindow: number;
  /** Time constant (in points) of the long-run mean and variance. */
  longWindow: number;
}

export class AnomalyLikelihood {
  private readonly recent: Float64Array;
  private at = 0;
  private sum = 0;
  private count = 0;
  private mean = 0;
  private variance = 0;

  constructor(private readonly options: LikelihoodOptions) {
    this.recent = new Float64Array(options.shortWindow);
  }

  /** Takes one raw score (>= 0) and returns the likelihood score in [0, 1]. */
  update(raw: number): number {
    const k = this.recent.length;
    this.sum += raw - this.recent[this.at];
    this.recent[this.at] = raw;
    this.at = (this.at + 1) % k;
    const average = this.sum / k;
    let score = 0;
    if (this.count >= k) {
      // The spread of a k-point average, floored so a series that was perfectly predictable so far does not make every wobble certain.
      const sd = Math.sqrt(this.variance) + 1e-3;
      score = Math.min(1, Math.max(0, -log10NormalTail((average - this.mean) / sd) / 10));
    }
    this.count++;
    if (this.count >= k) this.learn(average);
    return score;
  }

  private learn(average: number): void {
    const n = this.count - this.recent.length + 1;
    const alpha = Math.max(1 / n, 1 / this.options.longWindow);
    const d = average - this.mean;
    this.mean += alpha * d;
    this.variance = (1 - alpha) * (this.variance + alpha * d * d);
  }

  /** Bytes of state (the short window and the scalars). */
  get bytes(): number {
    return this.recent.byteLength + 6 * 8;
  }
}
