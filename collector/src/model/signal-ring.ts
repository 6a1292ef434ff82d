import type { SignalPoint } from './types';

/** What `SignalRing.add` did with a point. */
export type AddOutcome = 'appended' | 'merged' | 'stale';

const INITIAL_POINTS = 4;

/**
 * The bounded history of one signal: at most `capacity` points, one per time bucket of
 * `resolutionMs`, stored interleaved (t, v, t, v, ...) in one Float64Array.
 *
 * - A point's time is the start of its bucket (floor(t / resolution) x resolution), so series of
 *   different entities line up and step averaging is exact.
 * - Points within the newest bucket are averaged (a running mean). The mean is used rather than
 *   the last value because a bucket then summarises every sample in it: a gauge sampled faster
 *   than the resolution keeps its area (power stays energy-true) instead of aliasing to whichever
 *   sample came last. It costs one counter per signal, since only the newest bucket is open.
 * - A point older than the newest bucket is refused (`stale`): history is append-only.
 * - The array starts at 4 points and doubles up to `capacity`, so a signal with few points costs
 *   little; once full, the oldest point is overwritten (a ring).
 */
export class SignalRing {
  private data: Float64Array | undefined;
  private start = 0;
  private size = 0;
  private headCount = 0;

  constructor(
    readonly capacity: number,
    readonly resolutionMs: number,
  ) {}

  get length(): number {
    return this.size;
  }

  add(t: number, v: number): AddOutcome {
    const bucket = Math.floor(t / this.resolutionMs) * this.resolutionMs;
    if (this.size > 0) {
      const head = this.slot(this.size - 1);
      const data = this.data as Float64Array;
      if (bucket === data[head]) {
        this.headCount += 1;
        data[head + 1] += (v - data[head + 1]) / this.headCount;
        return 'merged';
      }
      if (bucket < data[head]) return 'stale';
    }
    this.append(bucket, v);
    return 'appended';
  }

  /**
   * Sets the value of a bucket, whatever its age (a restore, or a view merged from other
   * collectors): replaces the bucket's value when present, else inserts it in order. A bucket
   * older than a full ring's oldest is refused (`stale`). Later `add`s to the newest bucket
   * average with the value set here as with one sample.
   */
  put(t: number, v: number): AddOutcome {
    const bucket = Math.floor(t / this.resolutionMs) * this.resolutionMs;
    const data = this.data;
    if (!data || this.size === 0 || bucket > data[this.slot(this.size - 1)]) {
      this.append(bucket, v);
      return 'appended';
    }
    for (let i = this.size - 1; i >= 0; i--) {
      const at = this.slot(i);
      if (data[at] === bucket) {
        data[at + 1] = v;
        if (i === this.size - 1) this.headCount = 1;
        return 'merged';
      }
      if (data[at] < bucket) return this.insertAt(i + 1, bucket, v);
    }
    return this.size < this.capacity ? this.insertAt(0, bucket, v) : 'stale';
  }

  /** Points with from <= t <= to, oldest first. */
  range(from: number, to: number): SignalPoint[] {
    const points: SignalPoint[] = [];
    const data = this.data;
    if (!data) return points;
    for (let i = 0; i < this.size; i++) {
      const at = this.slot(i);
      const t = data[at];
      if (t >= from && t <= to) points.push({ t, v: data[at + 1] });
    }
    return points;
  }

  /** Bytes held by the backing array. */
  get bytes(): number {
    return this.data ? this.data.byteLength : 0;
  }

  private slot(i: number): number {
    const allocated = (this.data as Float64Array).length / 2;
    return ((this.start + i) % allocated) * 2;
  }

  private append(t: number, v: number): void {
    this.ensureRoom();
    const data = this.data as Float64Array;
    const allocated = data.length / 2;
    if (this.size === allocated) {
      // Full at capacity: overwrite the oldest point.
      this.start = (this.start + 1) % allocated;
      this.size -= 1;
    }
    const at = this.slot(this.size);
    data[at] = t;
    data[at + 1] = v;
    this.size += 1;
    this.headCount = 1;
  }

  /** Inserts before position i (0 = oldest); the oldest point goes when the ring is full. */
  private insertAt(i: number, t: number, v: number): AddOutcome {
    const points = this.range(-Infinity, Infinity);
    points.splice(i, 0, { t, v });
    if (points.length > this.capacity) points.shift();
    const headCount = this.headCount;
    this.data = new Float64Array(Math.max(Math.min(INITIAL_POINTS, this.capacity), points.length) * 2);
    this.start = 0;
    this.size = 0;
    for (const point of points) this.append(point.t, point.v);
    this.headCount = headCount;
    return 'appended';
  }

  private ensureRoom(): void {
    if (!this.data) {
      this.data = new Float64Array(Math.min(INITIAL_POINTS, this.capacity) * 2);
      return;
    }
    const allocated = this.data.length / 2;
    if (this.size < allocated || allocated >= this.capacity) return;
    const grown = new Float64Array(Math.min(allocated * 2, this.capacity) * 2);
    for (let i = 0; i < this.size; i++) {
      const at = this.slot(i);
      grown[i * 2] = this.data[at];
      grown[i * 2 + 1] = this.data[at + 1];
    }
    this.data = grown;
    this.start = 0;
  }
}

/** Averages points per bucket of `stepMs` (aligned to multiples of it); each bucket's t is its start. */
export function averageBySteps(points: SignalPoint[], stepMs: number): SignalPoint[] {
  const out: SignalPoint[] = [];
  let bucket = NaN;
  let sum = 0;
  let count = 0;
  for (const { t, v } of points) {
    const b = Math.floor(t / stepMs) * stepMs;
    if (b !== bucket) {
      if (count > 0) out.push({ t: bucket, v: sum / count });
      bucket = b;
      sum = 0;
      count = 0;
    }
    sum += v;
    count += 1;
  }
  if (count > 0) out.push({ t: bucket, v: sum / count });
  return out;
}
