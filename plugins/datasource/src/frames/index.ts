/** Pure functions from collector API answers to Grafana data frames, one file per query type. */
export { annotationFrame } from './annotation-frame';
export { appendSignalPoint } from './append-signal-point';
export type { AnnotationRow } from './annotation-frame';
export { ANOMALY_COLOR, anomalyAnnotationFrame, anomalyScoreFrames } from './anomaly-frames';
export { attributesText, entitiesFrame } from './entities-frame';
export { auditRows, eventsAnnotationFrame, eventsTableFrame, logEventRows, severityColor } from './event-frames';
export type { EventRow } from './event-frames';
export { BAND_OPACITY, FORECAST_COLOR, crossingText, forecastFrame, thresholdConfig } from './forecast-frame';
export { grafanaUnit } from './grafana-unit';
export { TOP_SIGNALS, movedSignalText, rootCauseFrame, topSignals } from './root-cause-frame';
export { signalFrame } from './signal-frame';
export {
  BASELINE_COLOR,
  PREDICTED_COLOR,
  kpisFrame,
  simulationFrames,
  simulationSeriesFrame,
  violationsFrame,
} from './simulation-frames';
export {
  HEALTH_COLORS,
  edgeThickness,
  healthArcs,
  topologyEdgesFrame,
  topologyFrames,
  topologyNodesFrame,
} from './topology-frames';
