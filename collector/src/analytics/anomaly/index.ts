/** Streaming anomaly detection: one cheap online detector per signal, scoring each point in [0, 1] with a flag. */
export { createAnomalyDetector, defaultAnomalyDetectorOptions } from './anomaly-detector';
export type { AnomalyDetector, AnomalyDetectorOptions, AnomalyResult } from './anomaly-detector';
export { log10NormalTail } from './normal-tail';
