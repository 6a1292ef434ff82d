import { firstText, toEntityValue } from './attribute-values';
import { ENTITY_RULES, PRIMARY_ORDER, RELATION_RULES } from './identity-rules';
import type { Attributes } from '../otlp';
import type { EntityAttributes, EntityInput, RelationType, TwinWriter } from '../model';
import type { IdentityConfig } from './config';
import type { HostAliases } from './inventory';
import type { EntityRule, ResourceEntityType } from './identity-rules';

export interface DerivedRelation {
  from: string;
  to: string;
  type: RelationType;
}

/** The entities and relations one resource stands for. */
export interface ResolvedResource {
  entities: EntityInput[];
  relations: DerivedRelation[];
  /** Local ids (the id without `<type>:`) by entity type, for those present. */
  locals: Partial<Record<ResourceEntityType, string>>;
  /** Entity ids by entity type, for those present (a host may resolve to an inventory device). */
  ids: Partial<Record<ResourceEntityType, string>>;
  /** Receives the resource's signals and events (see PRIMARY_ORDER); undefined when nothing matched. */
  primary: string | undefined;
}

/**
 * Derives entities and relations from resource attributes by the OpenTelemetry semantic
 * conventions, with one generic pass over the rule table (identity-rules.ts). Identifying values
 * longer than `maxValueLength` are cut, so ids stay bounded. Attributes go to every entity whose
 * rule claims them; those no rule claims go to the primary entity. A host whose name the
 * inventory gives to a device (`hostAliases`) is that device.
 */
export function resolveResource(
  attributes: Attributes,
  identity: IdentityConfig,
  maxValueLength: number,
  hostAliases: HostAliases = NO_ALIASES,
): ResolvedResource {
  const locals: Partial<Record<ResourceEntityType, string>> = {};
  const byType = new Map<ResourceEntityType, { rule: EntityRule; input: EntityInput }>();
  for (const rule of ENTITY_RULES) {
    const value = firstText(attributes, identity.keys[rule.keys], maxValueLength);
    if (value === undefined) continue;
    const scopeKey = rule.scopeAttribute?.(identity);
    const scope = scopeKey
      ? firstText(attributes, [scopeKey], maxValueLength)
      : rule.scope?.map((type) => locals[type]).find((local) => local !== undefined);
    if (rule.scopeRequired && scope === undefined) continue;
    const local = scope === undefined ? value : `${scope}/${value}`;
    locals[rule.type] = local;
    const name = firstText(attributes, rule.nameKeys, maxValueLength) ?? value;
    const identityOf = (rule.type === 'host' && hostAliases.get(local)) || { id: `${rule.type}:${local}`, type: rule.type, level: rule.level };
    byType.set(rule.type, { rule, input: { ...identityOf, name, attributes: {} } });
  }
  const primaryType = PRIMARY_ORDER.find((type) => byType.has(type));
  const primary = primaryType && byType.get(primaryType)?.input;
  distributeAttributes(attributes, [...byType.values()], primary);
  const relations: DerivedRelation[] = [];
  for (const rule of RELATION_RULES) {
    const subject = byType.get(rule.subject)?.input.id;
    const object = rule.objects.map((type) => byType.get(type)?.input.id).find((id) => id !== undefined);
    if (subject !== undefined && object !== undefined) relations.push({ from: subject, to: object, type: rule.type });
  }
  const ids: Partial<Record<ResourceEntityType, string>> = {};
  for (const [type, { input }] of byType) ids[type] = input.id;
  return { entities: [...byType.values()].map((e) => e.input), relations, locals, ids, primary: primary?.id };
}

const NO_ALIASES: HostAliases = new Map();

function claims(patterns: readonly string[], key: string): boolean {
  return patterns.some((p) => (p.endsWith('.') ? key.startsWith(p) : key === p));
}

function distributeAttributes(
  attributes: Attributes,
  present: { rule: EntityRule; input: EntityInput }[],
  primary: EntityInput | undefined,
): void {
  for (const key in attributes) {
    const value = toEntityValue(attributes[key]);
    if (value === undefined) continue;
    let claimed = false;
    for (const { rule, input } of present) {
      if (!claims(rule.attributes, key)) continue;
      (input.attributes as EntityAttributes)[key] = value;
      claimed = true;
    }
    if (!claimed && primary) (primary.attributes as EntityAttributes)[key] = value;
  }
}

/** Writes a resolved resource into the twin: entities first, then relations. */
export function applyResource(twin: TwinWriter, resolved: ResolvedResource): void {
  for (const entity of resolved.entities) twin.upsertEntity(entity);
  for (const r of resolved.relations) twin.upsertRelation(r.from, r.to, r.type);
}
