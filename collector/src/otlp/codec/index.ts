/** The OTLP codec: protobuf and OTLP/JSON bodies to decoded telemetry and back, plus export responses. */
export { decodeTraces, decodeMetrics, decodeLogs } from './decode';
export type { Encoding, DecodeResult } from './decode';
export { encodeExportResponse, encodeStatus } from './export-response';
export { encodeTracesProto as encodeTraces } from './proto-encode-traces';
export { encodeMetricsProto as encodeMetrics } from './proto-encode-metrics';
export { encodeLogsProto as encodeLogs } from './proto-encode-logs';
