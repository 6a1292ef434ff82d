import { defaultServiceGraphConfig, serviceGraphConfigSchema, validateServiceGraphConfig } from './config';

const parse = (raw: unknown) => {
  const errors: string[] = [];
  const config = serviceGraphConfigSchema.parse(raw, 'twin.service_graph', errors);
  return { config, errors: [...errors, ...validateServiceGraphConfig(config)] };
};

describe('service graph config', () => {
  it('has valid defaults', () => {
    const config = defaultServiceGraphConfig();
    expect(config).toMatchObject({ waitSeconds: 10, maxPending: 100_000, windowSeconds: 15, maxEdges: 10_000, samplingProbabilityAttribute: '' });
    expect(config.virtualNodePeerAttributes[0]).toBe('service.peer.name');
    expect(validateServiceGraphConfig(config)).toEqual([]);
  });

  it('reads snake_case keys', () => {
    const { config, errors } = parse({ wait_seconds: 2, max_pending: 5, latency_buckets_seconds: [0.1, 1], virtual_node_peer_attributes: ['peer.service'] });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ waitSeconds: 2, maxPending: 5, latencyBucketsSeconds: [0.1, 1], virtualNodePeerAttributes: ['peer.service'] });
  });

  it.each([
    [{ wait_seconds: 0 }, 'twin.service_graph.wait_seconds: must be a number from 0.001 to 3600, got 0'],
    [{ max_pending: -5 }, 'twin.service_graph.max_pending: must be a positive integer, got -5'],
    [{ max_edges: 1.5 }, 'twin.service_graph.max_edges: must be a positive integer, got 1.5'],
    [{ window_seconds: 0.5 }, 'twin.service_graph.window_seconds: must be a number from 1 to 3600, got 0.5'],
    [{ latency_buckets_seconds: [1, 0.5] }, 'twin.service_graph.latency_buckets_seconds: must be strictly increasing, got [1,0.5]'],
    [{ latency_buckets_seconds: [] }, 'twin.service_graph.latency_buckets_seconds: must not be empty'],
    [{ virtual_node_peer_attributes: ['peer.service', ''] }, 'twin.service_graph.virtual_node_peer_attributes: must not contain an empty key'],
    [{ ttl: 2 }, 'twin.service_graph.ttl: unknown key'],
  ])('rejects %p', (raw, message) => {
    expect(parse(raw).errors).toEqual([message]);
  });
});
