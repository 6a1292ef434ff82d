/**
 * The narrow metrics interface through which components report their own figures. prom-client
 * stays behind it (in export/); tests use the in-memory registry below.
 */

export type Labels = Record<string, string>;

export interface Counter {
  inc(labels?: Labels, value?: number): void;
}

export interface Gauge {
  set(labels: Labels, value: number): void;
  /** Drops the series of `labels` (no longer exported), e.g. a forecast that no longer applies. */
  remove(labels: Labels): void;
}

/** A histogram with explicit buckets; `weight` (default 1) counts one observation as many (sampled spans). */
export interface Histogram {
  observe(labels: Labels, value: number, weight?: number): void;
  /**
   * The series of `labels`, resolved once for callers that observe it on a hot path (one per
   * service-graph edge): the same as `observe(labels, ...)` without finding the series each time.
   * The series appears (is exported) only at its first observation, as with `observe`.
   */
  bind(labels: Labels): BoundHistogram;
}

/** One series of a Histogram. */
export interface BoundHistogram {
  observe(value: number, weight?: number): void;
}

export interface MetricsRegistry {
  /** A monotonic counter; `name` is the Prometheus name, ending in `_total`. */
  counter(name: string, help: string, labelNames?: readonly string[]): Counter;
  gauge(name: string, help: string, labelNames?: readonly string[]): Gauge;
  /** A gauge whose value is read at scrape time. */
  observableGauge(name: string, help: string, read: () => number): void;
  /**
   * A histogram; `name` is the Prometheus base name (`..._seconds`), exported as `_bucket{le}`,
   * `_sum` and `_count`. `buckets` are the upper bounds in increasing order (+Inf is added).
   */
  histogram(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]): Histogram;
}

/** Keeps every value in memory, keyed by name and sorted labels; for tests. */
export class InMemoryMetricsRegistry implements MetricsRegistry {
  private readonly values = new Map<string, number>();
  private readonly observed = new Map<string, () => number>();
  private readonly histograms = new Map<string, number[]>();
  private readonly histogramValues = new Map<string, { counts: number[]; sum: number; count: number }>();

  counter(name: string): Counter {
    return { inc: (labels, value = 1) => this.add(name, labels, value) };
  }

  gauge(name: string): Gauge {
    return {
      set: (labels, value) => this.values.set(seriesKey(name, labels), value),
      remove: (labels) => this.values.delete(seriesKey(name, labels)),
    };
  }

  observableGauge(name: string, _help: string, read: () => number): void {
    this.observed.set(name, read);
  }

  /** Read back through `get` as the series it renders to: cumulative `_bucket{le}`, `_sum`, `_count`. */
  histogram(name: string, _help: string, _labelNames: readonly string[], buckets: readonly number[]): Histogram {
    this.histograms.set(name, [...buckets]);
    const histogram: Histogram = {
      bind: (labels) => ({ observe: (value, weight) => histogram.observe(labels, value, weight) }),
      observe: (labels, value, weight = 1) => {
        const key = seriesKey(name, labels);
        let h = this.histogramValues.get(key);
        if (!h) this.histogramValues.set(key, (h = { counts: new Array<number>(buckets.length + 1).fill(0), sum: 0, count: 0 }));
        let i = 0;
        while (i < buckets.length && value > buckets[i]) i++;
        h.counts[i] += weight;
        h.sum += value * weight;
        h.count += weight;
      },
    };
    return histogram;
  }

  /** Whether a counter or gauge series has a value (a removed gauge series has none). */
  has(name: string, labels?: Labels): boolean {
    return this.values.has(seriesKey(name, labels));
  }

  /** The value of one series, 0 when never touched. */
  get(name: string, labels?: Labels): number {
    const read = this.observed.get(name);
    if (read) return read();
    const histogram = /^(.*)_(bucket|sum|count)$/.exec(name);
    if (histogram && this.histograms.has(histogram[1])) return this.histogramSeries(histogram[1], histogram[2], labels ?? {});
    return this.values.get(seriesKey(name, labels)) ?? 0;
  }

  private histogramSeries(name: string, part: string, labels: Labels): number {
    const { le, ...rest } = labels;
    const h = this.histogramValues.get(seriesKey(name, rest));
    if (!h) return 0;
    if (part === 'sum') return h.sum;
    if (part === 'count') return h.count;
    const bounds = this.histograms.get(name) ?? [];
    const upTo = le === '+Inf' ? bounds.length : bounds.indexOf(Number(le));
    return h.counts.slice(0, upTo + 1).reduce((a, b) => a + b, 0);
  }

  private add(name: string, labels: Labels | undefined, value: number): void {
    const key = seriesKey(name, labels);
    this.values.set(key, (this.values.get(key) ?? 0) + value);
  }
}

function seriesKey(name: string, labels: Labels | undefined): string {
  // No labels and empty labels are the same series, as in Prometheus.
  if (!labels || Object.keys(labels).length === 0) return name;
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]}"`);
  return `${name}{${parts.join(',')}}`;
}
