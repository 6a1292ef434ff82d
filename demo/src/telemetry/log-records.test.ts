import { SeverityNumber } from '@opentelemetry/api-logs';
import { defaultShopCatalog } from '../shop';
import { errorRecords, eventRecord } from './log-records';

describe('eventRecord', () => {
  it.each([
    ['crash', SeverityNumber.FATAL, 'FATAL'],
    ['oom-restart', SeverityNumber.ERROR, 'ERROR'],
    ['restart', SeverityNumber.INFO, 'INFO'],
    ['migrate', SeverityNumber.INFO, 'INFO'],
    ['scale', SeverityNumber.INFO, 'INFO'],
  ] as const)('%s -> %s', (kind, number, text) => {
    expect(eventRecord({ timeSeconds: 5, kind, service: 'cart', message: 'm' })).toEqual({
      severityNumber: number, severityText: text, body: 'm', attributes: { 'event.name': `shop.${kind}`, 'demo.simulated_time_seconds': 5 },
    });
  });
});

describe('errorRecords', () => {
  const catalog = defaultShopCatalog();
  const op = catalog.services.find((s) => s.name === 'cart')!.operations.find((o) => o.http)!;
  const inst = (errors: number, samples: { durationSeconds: number; error: boolean }[]) => ({
    id: 'cart-1', service: 'cart' as const, host: 'r09-s1', up: true, utilization: 1, busyCores: 1, memoryBytes: 1,
    operations: [{ operation: op.name, requests: 100, errors, latencySamples: samples }],
  });

  it('one ERROR record per failed sample, at most the limit', () => {
    const records = errorRecords(inst(7, [{ durationSeconds: 1, error: true }, { durationSeconds: 0.9, error: true }, { durationSeconds: 0.8, error: true }]), catalog, 2);
    expect(records.map((r) => r.body)).toEqual([`${op.name} failed after 1.000 s (7 of 100 requests failed in this step)`, `${op.name} failed after 0.900 s (7 of 100 requests failed in this step)`]);
    expect(records[0]).toMatchObject({ severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', attributes: { 'http.route': op.http?.route, 'http.response.status_code': 503, 'error.type': 'timeout' } });
  });

  it('a summary record without a failed sample; none without errors', () => {
    expect(errorRecords(inst(3, []), catalog, 2).map((r) => r.body)).toEqual([`${op.name} failed (3 of 100 requests failed in this step)`]);
    expect(errorRecords(inst(0, []), catalog, 2)).toEqual([]);
  });
});
