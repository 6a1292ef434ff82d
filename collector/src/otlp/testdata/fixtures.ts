/** Builders of decoded telemetry and a recording consumer, for the receivers' tests. */
import type {
  ConsumeResult,
  LogRecord,
  LogsConsumer,
  LogsData,
  Metric,
  MetricsConsumer,
  MetricsData,
  Span,
  TracesConsumer,
  TracesData,
} from '../telemetry';

export const TRACE_ID = '5b8efff798038103d269b633813fc60c';
export const SPAN_ID = 'eee19b7ec3c1b174';

export function span(overrides: Partial<Span> = {}): Span {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    traceState: '',
    parentSpanId: '',
    flags: 0,
    name: 'GET /cart',
    kind: 2,
    startTimeUnixNano: 1_700_000_000_000_000_000,
    endTimeUnixNano: 1_700_000_000_100_000_000,
    attributes: {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { message: '', code: 0 },
    ...overrides,
  };
}

const scope = { name: 'test', version: '1', attributes: {}, droppedAttributesCount: 0 };
const resource = { attributes: { 'service.name': 'cart' }, droppedAttributesCount: 0 };

export function traces(...spans: Span[]): TracesData {
  return { resourceSpans: [{ resource, schemaUrl: '', scopeSpans: [{ scope, schemaUrl: '', spans }] }] };
}

export function gauge(name: string, values: number[]): Metric {
  const dataPoints = values.map((value) => ({ attributes: {}, startTimeUnixNano: 0, timeUnixNano: 1e18, flags: 0, value }));
  return { name, description: '', unit: '1', metadata: {}, data: { type: 'gauge', dataPoints } };
}

export function metrics(...list: Metric[]): MetricsData {
  return { resourceMetrics: [{ resource, schemaUrl: '', scopeMetrics: [{ scope, schemaUrl: '', metrics: list }] }] };
}

export function logRecord(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    timeUnixNano: 1e18,
    observedTimeUnixNano: 1e18,
    severityNumber: 9,
    severityText: 'INFO',
    body: 'hello',
    attributes: {},
    droppedAttributesCount: 0,
    flags: 0,
    traceId: '',
    spanId: '',
    eventName: '',
    ...overrides,
  };
}

export function logs(...logRecords: LogRecord[]): LogsData {
  return { resourceLogs: [{ resource, schemaUrl: '', scopeLogs: [{ scope, schemaUrl: '', logRecords }] }] };
}

/** Records what it is given; `behave` decides the answer (or throws). */
export class SinkConsumer implements TracesConsumer, MetricsConsumer, LogsConsumer {
  readonly traces: TracesData[] = [];
  readonly metrics: MetricsData[] = [];
  readonly logs: LogsData[] = [];
  behave: () => ConsumeResult | undefined = () => undefined;

  consumeTraces(data: TracesData): ConsumeResult | undefined {
    this.traces.push(data);
    return this.behave();
  }
  consumeMetrics(data: MetricsData): ConsumeResult | undefined {
    this.metrics.push(data);
    return this.behave();
  }
  consumeLogs(data: LogsData): ConsumeResult | undefined {
    this.logs.push(data);
    return this.behave();
  }

  spanNames(): string[] {
    return this.traces.flatMap((t) => t.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((x) => x.name))));
  }
}

/** A logger that keeps its lines. */
export function memoryLogger(): { lines: string[]; debug: Log; info: Log; warn: Log; error: Log } {
  const lines: string[] = [];
  const at = (level: string): Log => (message, fields) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
type Log = (message: string, fields?: Record<string, unknown>) => void;
