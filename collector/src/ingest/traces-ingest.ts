import { createArrivalRate } from './arrival-rate';
import { applyResource, resolveResource } from './resource-entities';
import type { TracesConsumer, TracesData } from '../otlp';
import type { Twin } from '../model';
import type { TwinConfig } from './config';
import type { IngestContext } from './ingest-context';
import type { SpanSink } from './span-sink';

/**
 * Traces -> the entities and relations of the spans' resources, and per service the spans
 * received: `spans.received` (running total) and `spans.received.rate` (per second, by
 * arrival). Each span then goes to every sink (the service graph, the process twins) with the
 * service it came from, the resource resolved once.
 */
export function createTracesIngest(
  twin: Twin,
  config: TwinConfig,
  settings: IngestContext,
  sinks: readonly SpanSink[] = [],
): TracesConsumer {
  const maxValueLength = config.limits.maxAttributeValueLength;
  const arrivals = createArrivalRate(settings.clock, config.limits.maxSeriesState, () =>
    twin.recordDrop('series_state_evicted'),
  );
  return {
    consumeTraces(data: TracesData) {
      const perService = new Map<string, number>();
      for (const rs of data.resourceSpans) {
        const resource = resolveResource(rs.resource.attributes, config.identity, maxValueLength, settings.hostAliases);
        applyResource(twin, resource);
        const service = resource.locals.service;
        if (sinks.length > 0) {
          const origin = {
            serviceId: service === undefined ? undefined : `service:${service}`,
            serviceName: resource.entities.find((e) => e.type === 'service')?.name,
            resource: rs.resource.attributes,
          };
          for (const ss of rs.scopeSpans) for (const span of ss.spans) for (const sink of sinks) sink.consumeSpan(span, origin);
        }
        if (service === undefined) continue;
        let spans = 0;
        for (const ss of rs.scopeSpans) spans += ss.spans.length;
        const id = `service:${service}`;
        perService.set(id, (perService.get(id) ?? 0) + spans);
      }
      const now = settings.clock.now();
      for (const [service, spans] of perService) {
        // A service the twin turned away (entity limit) keeps no count: a flood of new names
        // must not push real services out of the bounded counter state.
        if (!twin.hasEntity(service)) continue;
        const { total, perSecond } = arrivals.count(service, spans);
        twin.recordSignal(service, 'spans.received', '{span}', 'count', now, total);
        if (perSecond !== undefined) twin.recordSignal(service, 'spans.received.rate', '{span}/s', 'rate', now, perSecond);
      }
      return undefined;
    },
  };
}
