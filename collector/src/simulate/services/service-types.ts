/** The service model's shapes: what calibration produces, what a scenario changes, what the solver returns. */

/** How well a parameter is supported by the data: `prior` when too few or too flat observations. */
export interface FitQuality {
  samples: number;
  r2: number | null;
  rmse: number | null;
  source: 'fitted' | 'prior';
}

export interface ServiceInstancePhysics {
  id: string;
  hostId: string;
  /** Parallel servers of its M/M/c queue (cores it may use). */
  cores: number;
  up: boolean;
}

export interface ServicePhysics {
  id: string;
  instances: ServiceInstancePhysics[];
  /** Requests/s received (mean over the calibration window, in the twin's time). */
  requestsPerSecond: number;
  /**
   * Busy core-seconds per request, on the twin's rate scale: an instance's utilization is
   * rate × ownServiceSeconds ÷ cores. Services without instances (virtual nodes) hold 0.
   */
  ownServiceSeconds: number;
  serviceFit: FitQuality;
  /** Calls per request of this service, from edge rate ÷ this service's rate; `messaging` calls are asynchronous. */
  calls: { to: string; perRequest: number; type?: 'calls' | 'database' | 'messaging' }[];
  latencyMeanSeconds: number;
  latencyP95Seconds: number;
  errorRatio: number;
  /** Receives requests from outside (no caller in the graph, or a virtual `user` caller). */
  entry: boolean;
  /** Requests/s arriving from outside; absent: all of an entry service's requests. */
  externalRequestsPerSecond?: number;
  /** Observed mean latency of its own work (server mean − Σ callee means), queueing included; absent: the whole mean. */
  ownLatencySeconds?: number;
  /** Whether its queue is modelled (it has instances with CPU behind them); absent: when it has instances. */
  queued?: boolean;
}

export interface ServiceGraphPhysics {
  at: number;
  services: ServicePhysics[];
  /** Observed busy cores per host not explained by instances (batch, OS). */
  hostBusyCores: Record<string, number>;
}

export interface ServiceInputs {
  /** Entry service id → load multiplier. */
  loadFactor: Record<string, number>;
  siteLoadFactor: number;
  instanceUp: Record<string, boolean>;
  /** Service id → number of instances. */
  instanceCount: Record<string, number>;
  /** Service, instance or host id → service-time multiplier (host throttling, a regression); factors multiply. */
  serviceTimeFactor: Record<string, number>;
  /** Edge `from->to` → added network latency (s) per call. */
  extraLatencySeconds: Record<string, number>;
  /** Edge `from->to` → max requests/s; beyond it calls fail. */
  edgeCapacityPerSecond: Record<string, number>;
}

export interface ServiceState {
  requestsPerSecond: number;
  utilization: number;
  latencyMeanSeconds: number;
  latencyP95Seconds: number;
  errorRatio: number;
  saturated: boolean;
}

export interface SolvedServices {
  services: Record<string, ServiceState>;
  instanceBusyCores: Record<string, number>;
  /** Instances + the base load of each host. */
  hostBusyCores: Record<string, number>;
}
