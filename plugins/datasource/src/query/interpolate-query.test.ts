import type { TwinQuery } from '../types';
import { interpolateQuery } from './interpolate-query';

it('replaces variables in every string field but the refId and type, passing the scoped variables', () => {
  const seen: unknown[] = [];
  const replace = (value: string, vars?: unknown) => {
    seen.push(vars);
    return value.replace('$host', 'host:r01-s1').replace('$sig', 'hw.host.power');
  };
  const query: TwinQuery = {
    refId: '$host',
    queryType: 'forecast',
    entity: '$host',
    signal: '$sig',
    horizon: '2h',
    depth: 3,
    includeActions: true,
    scenario: '{"target":"$host"}',
  };
  const scoped = { host: { text: 'h', value: 'h' } };
  expect(interpolateQuery(query, replace, scoped)).toEqual({
    refId: '$host',
    queryType: 'forecast',
    entity: 'host:r01-s1',
    signal: 'hw.host.power',
    horizon: '2h',
    depth: 3,
    includeActions: true,
    scenario: '{"target":"host:r01-s1"}',
  });
  expect(seen).toEqual([scoped, scoped, scoped, scoped]);
});
