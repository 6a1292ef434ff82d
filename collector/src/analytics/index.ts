/** Analytics on the twin's signals: forecasts with intervals and time to threshold, streaming anomaly scores, and their public-benchmark evaluations. */
export { forecast, timeToThreshold, createForecastState, detectSeasonalPeriods } from './forecast';
export type { Forecast, ForecastOptions, ForecastState, ForecastStateOptions, TimeToThreshold, ThresholdDirection } from './forecast';
export { createAnomalyDetector, defaultAnomalyDetectorOptions } from './anomaly';
export type { AnomalyDetector, AnomalyDetectorOptions, AnomalyResult } from './anomaly';
export { runM4Eval, M4_USAGE } from './eval/m4-eval';
export { runNabEval } from './eval/nab-eval';
export type { EvalIo } from './eval/eval-io';
