import type { DependencyName, ServiceName, ShopCatalog } from './catalog';
import type { LoadConfig } from './load';
import type { ShopHost } from './placement';

/** What the shop needs from the data-center world each step. */
export interface ShopWorld {
  hostUp(host: string): boolean;
  /** Thermal throttle factor of the host's cores (1 = full speed). */
  throttle(host: string): number;
}

export interface HostLoad {
  /** Busy fraction of the host's cores (0..1), shop instances plus batch load. */
  cpuUtilization: number;
  memoryBytes: number;
}

export interface LatencySample {
  durationSeconds: number;
  error: boolean;
}

export interface OperationStep {
  operation: string;
  requests: number;
  errors: number;
  /** Up to `maxLatencySamples` sampled requests; weight each by requests / samples for histograms. */
  latencySamples: LatencySample[];
}

export interface InstanceStep {
  id: string;
  service: ServiceName;
  host: string;
  up: boolean;
  /** Busy fraction of the instance's core share. */
  utilization: number;
  busyCores: number;
  memoryBytes: number;
  operations: OperationStep[];
}

export interface DependencyStep {
  name: DependencyName;
  requests: number;
  errors: number;
  utilization: number;
  meanWaitSeconds: number;
}

export type SpanKindName = 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER' | 'INTERNAL';

/** One planned span: offsets are seconds from the trace's start. */
export interface SpanPlan {
  service: ServiceName;
  instance: string;
  host: string;
  name: string;
  kind: SpanKindName;
  startOffsetSeconds: number;
  endOffsetSeconds: number;
  error: boolean;
  attributes: Record<string, string | number>;
  children: SpanPlan[];
}

export interface TracePlan {
  /** Simulated time of the root span's start (s). */
  startSeconds: number;
  root: SpanPlan;
  /**
   * The chance that any one request of the entry operation in this step became a trace: traces
   * picked ÷ requests (1 when every request is traced). Each trace stands for 1 / this requests.
   */
  samplingProbability: number;
}

export interface ShopEvent {
  timeSeconds: number;
  kind: 'crash' | 'oom-restart' | 'restart' | 'migrate' | 'scale';
  service: ServiceName;
  instance?: string;
  message: string;
}

export interface ShopStep {
  entryRequests: Record<string, number>;
  instances: InstanceStep[];
  dependencies: DependencyStep[];
  traces: TracePlan[];
  events: ShopEvent[];
}

export interface ShopConfig {
  catalog: ShopCatalog;
  hosts: ShopHost[];
  load: LoadConfig;
  /** Callers give up after this wait (s); longer waits count as errors. */
  requestTimeoutSeconds: number;
  /** A call to an instance on a crashed host fails after this (s): the connect timeout. */
  connectTimeoutSeconds: number;
  /** Spread of service times: sigma of the log-normal factor (mean 1). */
  serviceTimeSigma: number;
  maxLatencySamples: number;
  /** Sampled request trees per entry operation per step (feed latency samples). */
  samplesPerEntryOperation: number;
  /** Of those, how many per entry operation become trace plans. */
  tracesPerEntryOperation: number;
  /** Memory used on a host outside the shop (OS, agents). */
  hostBaseMemoryBytes: number;
  /** An instance is OOM-killed when its memory exceeds this multiple of its base memory. */
  memoryLimitFactor: number;
}

export interface ActiveFault {
  kind: 'latency-regression' | 'slow-database' | 'traffic-spike' | 'memory-leak' | 'hot-spot';
  target: string;
  value: number;
}
