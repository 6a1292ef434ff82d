import { SeverityNumber } from '@opentelemetry/api-logs';
import type { LogRecord } from '@opentelemetry/api-logs';
import type { InstanceStep, ShopCatalog, ShopEvent } from '../shop';
import { findOperation } from '../shop';

/**
 * The log records of a step: the shop's lifecycle events and a sample of failed requests. Pure:
 * the emitter stamps them with the wall clock and sends each on its instance's logger.
 */

const EVENT_SEVERITY: Record<ShopEvent['kind'], [SeverityNumber, string]> = {
  crash: [SeverityNumber.FATAL, 'FATAL'],
  'oom-restart': [SeverityNumber.ERROR, 'ERROR'],
  restart: [SeverityNumber.INFO, 'INFO'],
  migrate: [SeverityNumber.INFO, 'INFO'],
  scale: [SeverityNumber.INFO, 'INFO'],
};

export function eventRecord(event: ShopEvent): LogRecord {
  const [severityNumber, severityText] = EVENT_SEVERITY[event.kind];
  return {
    severityNumber,
    severityText,
    body: event.message,
    attributes: { 'event.name': `shop.${event.kind}`, 'demo.simulated_time_seconds': event.timeSeconds },
  };
}

/** Up to `perOperation` records per operation with failures: one per failed sample, else a summary one. */
export function errorRecords(inst: InstanceStep, catalog: ShopCatalog, perOperation: number): LogRecord[] {
  const records: LogRecord[] = [];
  for (const op of inst.operations) {
    if (op.errors <= 0 || perOperation <= 0) continue;
    const http = findOperation(catalog, inst.service, op.operation).http;
    const attributes = http ? { 'http.route': http.route, 'http.request.method': http.method, 'http.response.status_code': 503 } : {};
    const failed = op.latencySamples.filter((s) => s.error).slice(0, perOperation);
    const durations = failed.length > 0 ? failed.map((s) => s.durationSeconds) : [undefined];
    for (const duration of durations.slice(0, Math.min(perOperation, op.errors))) {
      const after = duration === undefined ? '' : ` after ${duration.toFixed(3)} s`;
      records.push({
        severityNumber: SeverityNumber.ERROR,
        severityText: 'ERROR',
        body: `${op.operation} failed${after} (${op.errors} of ${op.requests} requests failed in this step)`,
        attributes: { ...attributes, 'error.type': 'timeout' },
      });
    }
  }
  return records;
}
