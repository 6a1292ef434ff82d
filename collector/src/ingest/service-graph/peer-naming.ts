import type { AnyValue, Attributes } from '../../otlp';

export type VirtualNodeType = 'user' | 'unknown' | 'service' | 'database' | 'messaging' | 'external';

/** A node for something that sends no spans; `name` is its Prometheus label value. */
export interface VirtualNode {
  id: string;
  type: VirtualNodeType;
  name: string;
  /** The peer service's namespace (service.peer.namespace), '' when none. */
  namespace: string;
}

export const USER: VirtualNode = { id: 'user', type: 'user', name: 'user', namespace: '' };
export const UNKNOWN: VirtualNode = { id: 'unknown', type: 'unknown', name: 'unknown', namespace: '' };

type Family = 'database' | 'messaging' | 'external' | 'service';

// Old and new names of each convention (semconv: db.name -> db.namespace, db.system ->
// db.system.name, messaging.destination -> messaging.destination.name, net.peer.* -> server.*,
// net.sock.peer.* -> network.peer.*): a key of either spelling selects the family, and the family
// reads both spellings, new first.
const FAMILIES: Record<string, Family> = {
  'db.system.name': 'database',
  'db.system': 'database',
  'db.namespace': 'database',
  'db.name': 'database',
  'messaging.system': 'messaging',
  'messaging.destination.name': 'messaging',
  'messaging.destination': 'messaging',
  'server.address': 'external',
  'net.peer.name': 'external',
  'network.peer.address': 'external',
  'net.sock.peer.addr': 'external',
};
/** The other spelling of each key, so a configured key finds data written with either. */
const ALIAS: Record<string, string> = {};
for (const [a, b] of [
  ['service.peer.name', 'peer.service'],
  ['db.system.name', 'db.system'],
  ['db.namespace', 'db.name'],
  ['messaging.destination.name', 'messaging.destination'],
  ['server.address', 'net.peer.name'],
  ['network.peer.address', 'net.sock.peer.addr'],
]) {
  ALIAS[a] = b;
  ALIAS[b] = a;
}
const PORT_OF: Record<string, string> = {
  'server.address': 'server.port',
  'net.peer.name': 'net.peer.port',
  'network.peer.address': 'network.peer.port',
  'net.sock.peer.addr': 'net.sock.peer.port',
};

function text(value: AnyValue | undefined): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Reads span attributes first, then the resource's. */
type Lookup = (key: string) => string | undefined;

const joined = (prefix: string, first: string | undefined, second: string | undefined) =>
  first !== undefined && second !== undefined ? `${prefix}${first}/${second}` : `${prefix}${first ?? second}`;

function nodeOf(family: Family, key: string, value: string, get: Lookup): VirtualNode {
  if (family === 'database') {
    const id = joined('database:', get('db.system.name') ?? get('db.system'), get('db.namespace') ?? get('db.name'));
    return { id, type: 'database', name: id.slice(9), namespace: '' };
  }
  if (family === 'messaging') {
    const destination = get('messaging.destination.name') ?? get('messaging.destination');
    const id = joined('messaging:', get('messaging.system'), destination);
    return { id, type: 'messaging', name: id.slice(10), namespace: '' };
  }
  if (family === 'external') {
    const port = get(PORT_OF[key]);
    const name = port === undefined ? value : `${value}:${port}`;
    return { id: `external:${name}`, type: 'external', name, namespace: '' };
  }
  const namespace = key === 'service.peer.name' ? (get('service.peer.namespace') ?? '') : '';
  const id = namespace === '' ? `service:${value}` : `service:${namespace}/${value}`;
  return { id, type: 'service', name: value, namespace };
}

/**
 * Names the nodes of edges whose other side sends no spans, from the configured peer attribute
 * keys. Nodes are interned by id (bounded), so waiting spans share one object per peer.
 */
export function createPeerNaming(peerKeys: readonly string[], maxInterned = 10_000) {
  const interned = new Map<string, VirtualNode>();
  const intern = (node: VirtualNode) => {
    const known = interned.get(node.id);
    if (known) return known;
    if (interned.size < maxInterned) interned.set(node.id, node);
    return node;
  };
  const lookup =
    (span: Attributes, resource: Attributes): Lookup =>
    (key) =>
      text(span[key]) ?? text(resource[key]);

  // Each key with its family, and its other spelling unless the list names that one itself.
  const plan = peerKeys.map((key) => ({
    key,
    family: FAMILIES[key] ?? 'service',
    alias: ALIAS[key] !== undefined && !peerKeys.includes(ALIAS[key]) ? ALIAS[key] : undefined,
  }));

  function first(get: Lookup, accept: (family: Family) => boolean): VirtualNode | undefined {
    for (const { key, family, alias } of plan) {
      if (!accept(family)) continue;
      const value = get(key);
      if (value !== undefined) return intern(nodeOf(family, key, value, get));
      if (alias === undefined) continue;
      const aliased = get(alias);
      if (aliased !== undefined) return intern(nodeOf(family, alias, aliased, get));
    }
    return undefined;
  }

  return {
    /** The callee of a client or producer span whose server never came: first peer attribute, else `unknown`. */
    callee(span: Attributes, resource: Attributes): VirtualNode {
      return first(lookup(span, resource), () => true) ?? UNKNOWN;
    },
    /**
     * The caller of a root server or consumer span: its peer service if named, for a consumer the
     * messaging destination it reads, else `user`. Database and address keys are skipped: on a
     * server span they describe the server itself.
     */
    caller(span: Attributes, resource: Attributes, consumer: boolean): VirtualNode {
      const get = lookup(span, resource);
      return (
        first(get, (f) => f === 'service') ?? (consumer ? first(get, (f) => f === 'messaging') : undefined) ?? USER
      );
    },
  };
}

export type PeerNaming = ReturnType<typeof createPeerNaming>;
