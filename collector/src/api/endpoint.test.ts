import { requiresAuthToBind } from './endpoint';

describe('requiresAuthToBind', () => {
  it.each([
    [['127.0.0.1:8088', '[::1]:4317', 'localhost:4318'], undefined],
    [['127.0.0.1:8088', '0.0.0.0:4318'], '0.0.0.0:4318'],
    [[':4317', '10.0.0.5:8088'], ':4317'],
    [['not an endpoint'], 'not an endpoint'],
    [[], undefined],
  ])('%j -> %j', (endpoints, reachable) => {
    expect(requiresAuthToBind(endpoints)).toBe(reachable);
  });
});
