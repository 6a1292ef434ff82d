import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import type { MovedSignal, RootCauseCandidate } from '../api';
import { field, numberField, stringField, timeField } from './frame-fields';

/** How many moved signals the table names per candidate. */
export const TOP_SIGNALS = 3;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A moved signal in words: `host:web-3 system.cpu.utilization (z 4.2, r 0.91, led 60 s)`. */
export function movedSignalText(signal: MovedSignal): string {
  const lag =
    signal.lag === 0
      ? 'no lead'
      : signal.lag > 0
        ? `led ${round(signal.lag / 1000, 1)} s`
        : `lagged ${round(-signal.lag / 1000, 1)} s`;
  return `${signal.entity} ${signal.metric} (z ${round(signal.strength, 2)}, r ${round(signal.correlation, 2)}, ${lag})`;
}

/** The strongest moved signals first, then by correlation. */
export function topSignals(signals: MovedSignal[], count = TOP_SIGNALS): MovedSignal[] {
  return [...signals].sort((a, b) => b.strength - a.strength || b.correlation - a.correlation).slice(0, count);
}

/** Candidates as the collector ranked them (best first): rank, entity, score, onset and the explanation. */
export function rootCauseFrame(items: RootCauseCandidate[], refId?: string): DataFrame {
  return createDataFrame({
    name: 'root cause',
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      numberField(
        'rank',
        items.map((_, i) => i + 1),
        { displayName: 'Rank', unit: 'none', decimals: 0 }
      ),
      stringField(
        'entity',
        items.map((c) => c.entity),
        { displayName: 'Entity' }
      ),
      numberField(
        'score',
        items.map((c) => c.score),
        { displayName: 'Score', decimals: 3 }
      ),
      field(
        'anomalous',
        FieldType.boolean,
        items.map((c) => c.anomalous),
        { displayName: 'Anomalous' }
      ),
      timeField(items.map((c) => c.onset ?? null) as number[], 'onset', { displayName: 'Onset' }),
      stringField(
        'explainedBy',
        items.map((c) => c.explainedBy ?? ''),
        { displayName: 'Explained by' }
      ),
      stringField(
        'explains',
        items.map((c) => c.explains.join(', ')),
        { displayName: 'Explains' }
      ),
      stringField(
        'path',
        items.map((c) => c.path.join(' → ')),
        { displayName: 'Path (cause → symptom)' }
      ),
      stringField(
        'signals',
        items.map((c) => topSignals(c.signals).map(movedSignalText).join('; ')),
        { displayName: 'Top signals' }
      ),
    ],
  });
}
