/** The telemetry emitter: turns each simulation step into OTLP traces, metrics and logs through the OpenTelemetry SDK. */
export { createTelemetryEmitter } from './telemetry-emitter';
export type { EmitReport, TelemetryEmitter, TelemetryEmitterConfig, TelemetryStep } from './telemetry-emitter';
export { CRAC_FAN_MAX_RPM, SERVER_FAN_MAX_RPM } from './host-metrics';
export { SERVICE_NAMESPACE } from './resources';
