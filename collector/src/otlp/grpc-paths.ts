/** Full gRPC method paths of the OTLP Export services (opentelemetry/proto/collector/<signal>/v1/*_service.proto). */
import type { Signal } from './telemetry';

export const GRPC_EXPORT_PATHS: Record<Signal, string> = {
  traces: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
  metrics: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
  logs: '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
};
