import type { AnyValue, Attributes } from '../../otlp';

const TWO_POW_56 = 2n ** 56n;

/**
 * The sampling probability in a W3C tracestate's `ot` entry: `th:<hex>` is OpenTelemetry's
 * consistent-probability rejection threshold T, 1 to 14 hex digits padded right with zeros to 56
 * bits; probability = (2^56 - T) / 2^56, so `th:0` is 1, `th:8` is 0.5, `th:c` is 0.25.
 * BigInt keeps 14-digit thresholds exact (they pass 2^53). undefined when absent or malformed.
 */
export function tracestateProbability(traceState: string): number | undefined {
  if (!traceState.includes('ot=')) return undefined;
  for (const member of traceState.split(',')) {
    const entry = member.trim();
    if (!entry.startsWith('ot=')) continue;
    for (const field of entry.slice(3).split(';')) {
      if (!field.startsWith('th:')) continue;
      const hex = field.slice(3);
      if (!/^[0-9a-f]{1,14}$/.test(hex)) return undefined;
      const threshold = BigInt(`0x${hex.padEnd(14, '0')}`);
      return Number(TWO_POW_56 - threshold) / 2 ** 56;
    }
  }
  return undefined;
}

function probabilityValue(value: AnyValue | undefined): number | undefined {
  const p = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof p === 'number' && p > 0 && p <= 1 ? p : undefined;
}

/**
 * How many spans one span stands for: 1 / its sampling probability. A configured attribute (span,
 * then resource) wins over the tracestate because the user chose it explicitly; otherwise the
 * tracestate threshold; otherwise 1. The last tracestate seen is cached: spans of one batch
 * usually share it.
 */
export function createSamplingWeight(attributeKey: string): (traceState: string, span: Attributes, resource: Attributes) => number {
  let lastState = '';
  let lastWeight = 1;
  return (traceState, span, resource) => {
    if (attributeKey !== '') {
      const p = probabilityValue(span[attributeKey]) ?? probabilityValue(resource[attributeKey]);
      if (p !== undefined) return 1 / p;
    }
    if (traceState === '') return 1;
    if (traceState !== lastState) {
      const p = tracestateProbability(traceState);
      lastState = traceState;
      lastWeight = p === undefined || p <= 0 ? 1 : 1 / p;
    }
    return lastWeight;
  };
}
