/**
 * The collector instruments itself with the OpenTelemetry Node SDK: with self_telemetry enabled,
 * each OTLP request it applies becomes a span and a duration measurement, exported over OTLP.
 * Here one collector (the observer) receives the self-telemetry of another (the subject).
 */
import type { EntityDetail } from '../../src/model';
import { startTestCollector } from '../support/test-collector';

it('exports its own spans and metrics over OTLP, so it appears as a service in a twin', async () => {
  const observer = await startTestCollector();
  const subject = await startTestCollector({
    self_telemetry: { enabled: true, endpoint: observer.otlpHttpUrl, service_name: 'twinops-subject' },
  });
  try {
    const sent = await fetch(`${subject.otlpHttpUrl}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }] } }] }),
    });
    expect(sent.status).toBe(200);
  } finally {
    await subject.stop(); // flushes the SDK's span and metric exporters
  }
  try {
    const { status, body } = await observer.getJson<EntityDetail>('/api/v1/entities/service%3Atwinops-subject');
    expect(status).toBe(200);
    const signals = body.signals.map((s) => s.name);
    expect(signals).toContain('spans.received');
    expect(body.signals.find((s) => s.name === 'spans.received')?.latest?.v).toBe(1);
    const instance = body.relations.find((r) => r.type === 'contains')?.to as string;
    const detail = await observer.getJson<EntityDetail>(`/api/v1/entities/${encodeURIComponent(instance)}`);
    expect(detail.body.signals.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'twinops.ingest.batch.duration.count.rate{twinops.signal="logs"}',
        'twinops.ingest.batch.duration.p50{twinops.signal="logs"}',
      ]),
    );
  } finally {
    await observer.stop();
  }
});
