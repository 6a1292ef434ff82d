/**
 * Validates the items of one decoded request, generic over the signal: every OTLP request is
 * resources → scopes → items, so one walk serves traces, metrics and logs. The input is never
 * mutated (the original request may still be forwarded); a filtered copy is made only when
 * something was rejected, so the common all-valid request costs one pass and no allocation.
 */
import type { ItemProblem } from './item-checks';

/** Where the items sit in one signal's request, and how to rebuild it without some of them. */
export interface ItemLayout<D, R, S, I> {
  resources(data: D): R[];
  withResources(data: D, resources: R[]): D;
  scopes(resource: R): S[];
  withScopes(resource: R, scopes: S[]): R;
  items(scope: S): I[];
  withItems(scope: S, items: I[]): S;
  /** How many OTLP items this entry counts as (data points for a metric). */
  weight(item: I): number;
  check(item: I): ItemProblem | undefined;
}

export interface Validation<D> {
  /** The request without rejected items (the input itself when nothing was rejected). */
  data: D;
  items: number;
  rejected: number;
  /** Rejected item counts by reason, in order of first appearance. */
  reasons: Map<string, number>;
  /** The first problem found, to show the client one concrete example. */
  firstProblem: ItemProblem | undefined;
}

export function validateItems<D, R, S, I>(data: D, layout: ItemLayout<D, R, S, I>): Validation<D> {
  const result: Validation<D> = { data, items: 0, rejected: 0, reasons: new Map(), firstProblem: undefined };
  let bad: Set<I> | undefined;
  for (const resource of layout.resources(data)) {
    for (const scope of layout.scopes(resource)) {
      for (const item of layout.items(scope)) {
        const weight = layout.weight(item);
        result.items += weight;
        const problem = layout.check(item);
        if (!problem) continue;
        (bad ??= new Set()).add(item);
        result.rejected += weight;
        result.reasons.set(problem.reason, (result.reasons.get(problem.reason) ?? 0) + weight);
        result.firstProblem ??= problem;
      }
    }
  }
  if (bad) result.data = without(data, layout, bad);
  return result;
}

function without<D, R, S, I>(data: D, layout: ItemLayout<D, R, S, I>, bad: Set<I>): D {
  const resources = layout.resources(data).map((resource) =>
    layout.withScopes(
      resource,
      layout.scopes(resource).map((scope) => layout.withItems(scope, layout.items(scope).filter((i) => !bad.has(i)))),
    ),
  );
  return layout.withResources(data, resources);
}

/** The client-facing summary, e.g. `rejected 1 of 2 spans (invalid_trace_id: 1); first: …`. */
export function describeRejections(validation: Validation<unknown>, noun: string): string {
  const counts = [...validation.reasons].map(([reason, n]) => `${reason}: ${n}`).join(', ');
  const first = validation.firstProblem ? `; first: ${validation.firstProblem.detail}` : '';
  return `rejected ${validation.rejected} of ${validation.items} ${noun} (${counts})${first}`;
}
