import { defaultTwinConfig } from './config';
import { resolveResource } from './resource-entities';
import type { Attributes } from '../otlp';

const identity = defaultTwinConfig().identity;
const resolve = (attributes: Attributes, id = identity) => resolveResource(attributes, id, 1024);
const ids = (attributes: Attributes) => {
  const r = resolve(attributes);
  return {
    entities: r.entities.map((e) => `${e.id} ${e.level}`),
    relations: r.relations.map((x) => `${x.from} ${x.type} ${x.to}`),
    primary: r.primary,
  };
};

describe('resolveResource', () => {
  it('derives service, instance, host and process from an SDK resource', () => {
    const r = resolve({
      'service.name': 'checkout',
      'service.namespace': 'shop',
      'service.version': '1.2.0',
      'service.instance.id': 'abc-1',
      'host.name': 'web-3',
      'host.arch': 'amd64',
      'os.type': 'linux',
      'process.pid': 4242,
      'process.executable.name': 'node',
      'telemetry.sdk.language': 'nodejs',
      'deployment.environment.name': 'production',
      team: 'payments',
    });
    expect(r.entities).toEqual([
      { id: 'host:web-3', type: 'host', level: 'asset', name: 'web-3', attributes: { 'host.name': 'web-3', 'host.arch': 'amd64', 'os.type': 'linux' } },
      {
        id: 'process:web-3/4242',
        type: 'process',
        level: 'asset',
        name: 'node',
        attributes: { 'process.pid': 4242, 'process.executable.name': 'node' },
      },
      {
        id: 'service:shop/checkout',
        type: 'service',
        level: 'system',
        name: 'checkout',
        attributes: { 'service.name': 'checkout', 'service.namespace': 'shop', 'deployment.environment.name': 'production' },
      },
      {
        id: 'instance:shop/checkout/abc-1',
        type: 'instance',
        level: 'asset',
        name: 'abc-1',
        attributes: { 'service.version': '1.2.0', 'service.instance.id': 'abc-1', 'telemetry.sdk.language': 'nodejs', team: 'payments' },
      },
    ]);
    expect(r.relations).toEqual([
      { from: 'process:web-3/4242', to: 'host:web-3', type: 'runs_on' },
      { from: 'service:shop/checkout', to: 'instance:shop/checkout/abc-1', type: 'contains' },
      { from: 'instance:shop/checkout/abc-1', to: 'host:web-3', type: 'runs_on' },
    ]);
    expect(r.primary).toBe('instance:shop/checkout/abc-1');
  });

  it('derives a Kubernetes pod on a node, with its container', () => {
    expect(
      ids({
        'service.name': 'checkout',
        'service.instance.id': 'i1',
        'k8s.cluster.name': 'prod',
        'k8s.namespace.name': 'shop',
        'k8s.pod.name': 'checkout-abc',
        'k8s.pod.uid': 'uid-1',
        'k8s.node.name': 'worker-1',
        'container.id': 'c0ffee',
        'container.name': 'checkout',
      }),
    ).toEqual({
      entities: [
        'k8s_cluster:prod system',
        'k8s_namespace:prod/shop system',
        'k8s_node:prod/worker-1 asset',
        'pod:prod/shop/checkout-abc asset',
        'container:c0ffee asset',
        'service:checkout system',
        'instance:checkout/i1 asset',
      ],
      relations: [
        'k8s_cluster:prod contains k8s_namespace:prod/shop',
        'k8s_cluster:prod contains k8s_node:prod/worker-1',
        'k8s_namespace:prod/shop contains pod:prod/shop/checkout-abc',
        'pod:prod/shop/checkout-abc runs_on k8s_node:prod/worker-1',
        'container:c0ffee runs_on pod:prod/shop/checkout-abc',
        'service:checkout contains instance:checkout/i1',
        'instance:checkout/i1 runs_on container:c0ffee',
      ],
      primary: 'instance:checkout/i1',
    });
  });

  it.each([
    [{ 'k8s.namespace.name': 'shop', 'k8s.pod.name': 'checkout-abc' }, 'pod:shop/checkout-abc', ['k8s_namespace:shop contains pod:shop/checkout-abc']],
    [{ 'k8s.pod.uid': 'u-1' }, 'pod:u-1', []],
    [{ 'container.id': 'c1', 'host.name': 'h' }, 'container:c1', ['container:c1 runs_on host:h']],
    [{ 'host.id': 'i-0abc' }, 'host:i-0abc', []],
    [{ 'host.name': 'h', 'host.id': 'i-0abc' }, 'host:h', []],
    [{ 'process.pid': 7 }, undefined, []],
    [{ 'service.name': 'cart', 'service.namespace': '' }, 'service:cart', []],
    [{ 'telemetry.sdk.name': 'x' }, undefined, []],
  ])('resource %j has primary %s', (attributes, primary, relations) => {
    const r = ids(attributes);
    expect(r.primary).toBe(primary);
    expect(r.relations).toEqual(relations);
  });

  it('follows configured identity keys and the namespace switch', () => {
    const custom = { serviceNamespace: false, keys: { ...identity.keys, host: ['host.id', 'host.name'], process: [] } };
    const r = resolve({ 'service.name': 'a', 'service.namespace': 'ns', 'host.name': 'h', 'host.id': 'id-1', 'process.pid': 1 }, custom);
    expect(r.entities.map((e) => e.id)).toEqual(['host:id-1', 'service:a']);
    expect(r.entities[0].name).toBe('h');
  });

  it('cuts long identifying values so ids stay bounded', () => {
    const r = resolveResource({ 'service.name': 'x'.repeat(50) }, identity, 8);
    expect(r.primary).toBe('service:xxxxxxxx');
  });
});
