import { firstText, toEntityAttributes } from './attribute-values';
import { HW_DESCRIPTIVE_KEYS, HW_SCOPE } from './identity-rules';
import type { Attributes } from '../otlp';
import type { TwinWriter } from '../model';
import type { IdentityConfig } from './config';
import type { ResolvedResource } from './resource-entities';

const DESCRIPTIVE = new Set(HW_DESCRIPTIVE_KEYS);

/** Keys left out of signal names of points routed to a component (they describe the component). */
export const HW_LABELS_SKIPPED: ReadonlySet<string> = DESCRIPTIVE;

/**
 * Routes data points that carry `hw.id` (semconv hardware metrics) to component entities.
 * `hw.id` is unique only within its host, so the id is `hw:<host>/<hw.id>` (or, without a host,
 * scoped by the first of k8s node, instance, service). A component with `hw.parent` is contained
 * by that component (created as a placeholder when it has sent nothing itself, and then hung
 * from the host); one without is contained by the host. Each component is written once per
 * request: the returned function caches what it has done.
 */
export type ComponentRouter = (resource: ResolvedResource, point: Attributes) => string | undefined;

export function createComponentRouter(twin: TwinWriter, identity: IdentityConfig, maxValueLength: number): ComponentRouter {
  const done = new Set<string>();
  return (resource, point) => {
    const hwId = firstText(point, identity.keys.hw, maxValueLength);
    if (hwId === undefined) return undefined;
    const scopeType = HW_SCOPE.find((type) => resource.locals[type] !== undefined);
    if (!scopeType) return undefined;
    const scope = resource.locals[scopeType] as string;
    const id = `hw:${scope}/${hwId}`;
    if (done.has(id)) return id;
    done.add(id);
    const name = firstText(point, ['hw.name'], maxValueLength) ?? hwId;
    const attributes = toEntityAttributes(point, (key) => DESCRIPTIVE.has(key));
    if (!twin.upsertEntity({ id, type: 'hw', level: 'component', name, attributes })) return undefined;
    const scopeId = resource.ids[scopeType] as string;
    const parent = firstText(point, ['hw.parent'], maxValueLength);
    if (parent === undefined) {
      twin.upsertRelation(scopeId, id, 'contains');
      return id;
    }
    const parentId = `hw:${scope}/${parent}`;
    if (!twin.hasEntity(parentId)) {
      twin.upsertEntity({ id: parentId, type: 'hw', level: 'component', name: parent, attributes: { 'hw.id': parent } });
      twin.upsertRelation(scopeId, parentId, 'contains');
    }
    twin.upsertRelation(parentId, id, 'contains');
    return id;
  };
}
