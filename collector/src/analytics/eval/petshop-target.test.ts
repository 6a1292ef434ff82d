import { parsePetshopTarget } from './petshop-target';

const target = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ target: { node: 'PetSite', metric: 'latency', agg: 'Average', timestamp: 1681857605, ...over }, root_cause: { node: 'db', metric: null } });

describe('parsePetshopTarget', () => {
  it('reads the symptom and the true root cause', () => {
    expect(parsePetshopTarget(target(), 't.json')).toEqual({ node: 'PetSite', metric: 'latency', agg: 'Average', timestamp: 1681857605, rootCause: 'db' });
  });

  it.each([
    ['{', /^t\.json: not JSON: /],
    [target({ node: 3 }), 't.json: target.node: must be a non-empty string, got 3'],
    [target({ agg: '' }), 't.json: target.agg: must be a non-empty string, got ""'],
    [target({ timestamp: '1' }), 't.json: target.timestamp: must be a number, got "1"'],
    ['{"target":{"node":"a","metric":"m","agg":"x","timestamp":1}}', 't.json: root_cause.node: must be a non-empty string, got nothing'],
  ])('rejects %p', (text, message) => {
    expect(() => parsePetshopTarget(text, 't.json')).toThrow(message);
  });
});
