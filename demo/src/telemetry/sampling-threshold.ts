import { createTraceState } from '@opentelemetry/api';
import type { TraceState } from '@opentelemetry/api';

const TWO_POW_56 = 2n ** 56n;
const THRESHOLD_DIGITS = 14;

/**
 * OpenTelemetry's consistent-probability rejection threshold for a sampling probability, as the
 * `th` value of the W3C tracestate `ot` entry: T = 2^56 - round(p × 2^56), written as 14 hex
 * digits with trailing zeros dropped (`0` for p = 1, `8` for 0.5, `c` for 0.25). Full precision
 * rather than the spec's optional rounding to fewer digits: a receiver weighting each span by
 * 1/p then counts the requests it stands for without a rounding bias. Probabilities above 1 are
 * capped at 1 (sampled always); below 2^-56, the smallest the encoding holds, they are raised to it.
 */
export function samplingThreshold(probability: number): string {
  if (!(probability > 0)) throw new Error(`samplingThreshold: probability must be > 0, got ${probability}`);
  // p × 2^56 is exact in floating point (a power-of-two scale); above 2^53 every double is an integer.
  const scaled = BigInt(Math.round(Math.min(1, probability) * 2 ** 56));
  const kept = scaled < 1n ? 1n : scaled;
  const hex = (TWO_POW_56 - kept).toString(16).padStart(THRESHOLD_DIGITS, '0').replace(/0+$/, '');
  return hex === '' ? '0' : hex;
}

/** A W3C TraceState whose `ot` entry carries the sampling probability's threshold: `ot=th:<hex>`. */
export function samplingTraceState(probability: number, base: TraceState = createTraceState()): TraceState {
  return base.set('ot', `th:${samplingThreshold(probability)}`);
}
