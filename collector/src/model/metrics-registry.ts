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
}

export interface MetricsRegistry {
  /** A monotonic counter; `name` is the Prometheus name, ending in `_total`. */
  counter(name: string, help: string, labelNames?: readonly string[]): Counter;
  gauge(name: string, help: string, labelNames?: readonly string[]): Gauge;
  /** A gauge whose value is read at scrape time. */
  observableGauge(name: string, help: string, read: () => number): void;
}

/** Keeps every value in memory, keyed by name and sorted labels; for tests. */
export class InMemoryMetricsRegistry implements MetricsRegistry {
  private readonly values = new Map<string, number>();
  private readonly observed = new Map<string, () => number>();

  counter(name: string): Counter {
    return { inc: (labels, value = 1) => this.add(name, labels, value) };
  }

  gauge(name: string): Gauge {
    return { set: (labels, value) => this.values.set(seriesKey(name, labels), value) };
  }

  observableGauge(name: string, _help: string, read: () => number): void {
    this.observed.set(name, read);
  }

  /** The value of one series, 0 when never touched. */
  get(name: string, labels?: Labels): number {
    const read = this.observed.get(name);
    if (read) return read();
    return this.values.get(seriesKey(name, labels)) ?? 0;
  }

  private add(name: string, labels: Labels | undefined, value: number): void {
    const key = seriesKey(name, labels);
    this.values.set(key, (this.values.get(key) ?? 0) + value);
  }
}

function seriesKey(name: string, labels: Labels | undefined): string {
  if (!labels) return name;
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]}"`);
  return `${name}{${parts.join(',')}}`;
}
