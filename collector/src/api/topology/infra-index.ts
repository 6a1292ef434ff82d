import type { Topology } from '../../model';
import type { ViewNode } from './build-view';


/** What infrastructure statistics read beyond a node itself: its hardware components and a rack's hosts. */
export interface InfraIndex {
  /** Hardware components by the first non-component entity above them (nested components included). */
  components: Map<string, ViewNode[]>;
  /** Hosts by the nearest rack above them. */
  rackHosts: Map<string, ViewNode[]>;
}

// Parent chains are short (site > room > row > rack > host > component); the bound guards a cycle.
const MAX_HOPS = 16;

/** One pass over the twin's nodes that exist at `atMs` (the view's moment), built once per request. */
export function indexInfra(topology: Topology, atMs: number): InfraIndex {
  const byId = new Map<string, ViewNode>();
  for (const node of topology.nodes) if (node.firstSeen <= atMs) byId.set(node.id, node);
  const components = new Map<string, ViewNode[]>();
  const rackHosts = new Map<string, ViewNode[]>();
  for (const node of byId.values()) {
    if (node.type === 'hw') {
      const owner = firstAbove(byId, node, (e) => e.type !== 'hw');
      if (owner) push(components, owner.id, node);
    } else if (node.type === 'host') {
      const rack = firstAbove(byId, node, (e) => e.type === 'rack');
      if (rack) push(rackHosts, rack.id, node);
    }
  }
  return { components, rackHosts };
}

function firstAbove(byId: Map<string, ViewNode>, node: ViewNode, wanted: (e: ViewNode) => boolean): ViewNode | undefined {
  let at = node.parent;
  for (let hops = 0; at !== undefined && hops < MAX_HOPS; hops++) {
    const above = byId.get(at);
    if (!above) return undefined;
    if (wanted(above)) return above;
    at = above.parent;
  }
  return undefined;
}

function push(map: Map<string, ViewNode[]>, key: string, node: ViewNode): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}
