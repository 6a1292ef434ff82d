import { createContextKey, trace } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import type { Sampler, SamplingResult } from '@opentelemetry/sdk-trace-base';
import { samplingTraceState } from './sampling-threshold';

/*
 * The shop picks which requests become traces (a few per entry operation and step), so the SDK
 * samples everything it is given; what it must do is record that choice. OpenTelemetry puts the
 * probability in the tracestate's `ot=th:` entry, set by the sampler of the root span; the SDK
 * copies the parent's tracestate into every child span, so the whole trace carries it.
 */

const SAMPLING_PROBABILITY = createContextKey('twinops-demo sampling probability');

/** The context for a trace's root span, carrying the probability with which its request was picked. */
export function withSamplingProbability(context: Context, probability: number): Context {
  return context.setValue(SAMPLING_PROBABILITY, probability);
}

/**
 * A sampler that records every span; on a root span (no valid parent) with a probability in its
 * context it sets the tracestate to `ot=th:<threshold>`. Child spans keep their parent's tracestate.
 */
export function createPlannedSampler(): Sampler {
  return {
    shouldSample(context: Context): SamplingResult {
      const parent = trace.getSpanContext(context);
      const probability = context.getValue(SAMPLING_PROBABILITY);
      if ((parent && trace.isSpanContextValid(parent)) || typeof probability !== 'number') return { decision: SamplingDecision.RECORD_AND_SAMPLED };
      return { decision: SamplingDecision.RECORD_AND_SAMPLED, traceState: samplingTraceState(probability) };
    },
    toString: () => 'PlannedSampler',
  };
}
