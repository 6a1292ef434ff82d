import type { TwinQuery } from '../../types';
import { withField } from './fields-props';

describe('withField', () => {
  const query: TwinQuery = { refId: 'A', queryType: 'anomalies', entity: 'web-1', limit: 10 };

  it('sets a field on a copy', () => {
    expect(withField(query, 'minScore', 0.5)).toEqual({
      refId: 'A',
      queryType: 'anomalies',
      entity: 'web-1',
      limit: 10,
      minScore: 0.5,
    });
    expect(query).toEqual({ refId: 'A', queryType: 'anomalies', entity: 'web-1', limit: 10 });
  });

  it('removes the key when the value is undefined, so saved JSON holds no empty fields', () => {
    const next = withField(query, 'limit', undefined);
    expect(next).toEqual({ refId: 'A', queryType: 'anomalies', entity: 'web-1' });
    expect(Object.keys(next)).toEqual(['refId', 'queryType', 'entity']);
  });
});
