import { toEntityAttributes, toText } from './attribute-values';
import { createArrivalRate } from './arrival-rate';
import { applyResource, resolveResource } from './resource-entities';
import { isWarnOrWorse, severityOf } from '../model';
import type { LogRecord, LogsConsumer, LogsData } from '../otlp';
import type { EntityEvent, Twin } from '../model';
import type { TwinConfig } from './config';
import type { IngestContext } from './ingest-context';

/**
 * Logs -> events on the resource's primary entity: every record is counted by severity
 * (severityNumber ranges, else severityText); WARN-or-worse records also keep their message (the
 * body as text; maps and arrays as JSON) and attributes, the latest few per entity. Lower
 * severities are only counted, so their bodies are never formatted. Each entity also gets a
 * `log.records.rate` signal (records per second, by arrival).
 */
export function createLogsIngest(twin: Twin, config: TwinConfig, settings: IngestContext): LogsConsumer {
  const maxValueLength = config.limits.maxAttributeValueLength;
  const arrivals = createArrivalRate(settings.clock, config.limits.maxSeriesState, () =>
    twin.recordDrop('series_state_evicted'),
  );

  function toEvent(record: LogRecord): EntityEvent {
    const time = record.timeUnixNano || record.observedTimeUnixNano;
    const t = time > 0 ? time / 1e6 : settings.clock.now();
    const base = { t, severityNumber: record.severityNumber, severityText: record.severityText };
    if (!isWarnOrWorse(severityOf(record.severityNumber, record.severityText))) {
      return { ...base, message: '', attributes: {} };
    }
    const message = record.body === null ? record.eventName : toText(record.body);
    return { ...base, message, attributes: toEntityAttributes(record.attributes) };
  }

  return {
    consumeLogs(data: LogsData) {
      const perEntity = new Map<string, number>();
      for (const rl of data.resourceLogs) {
        const resource = resolveResource(rl.resource.attributes, config.identity, maxValueLength, settings.hostAliases);
        applyResource(twin, resource);
        const entity = resource.primary;
        for (const sl of rl.scopeLogs) {
          if (entity === undefined) {
            twin.recordDrop('log_without_entity', sl.logRecords.length);
            continue;
          }
          for (const record of sl.logRecords) twin.addEvent(entity, toEvent(record));
          perEntity.set(entity, (perEntity.get(entity) ?? 0) + sl.logRecords.length);
        }
      }
      const now = settings.clock.now();
      for (const [entity, records] of perEntity) {
        if (!twin.hasEntity(entity)) continue; // turned away by a limit: keep no counter state for it
        const { perSecond } = arrivals.count(entity, records);
        if (perSecond !== undefined) twin.recordSignal(entity, 'log.records.rate', '{record}/s', 'log', now, perSecond);
      }
      return undefined;
    },
  };
}
