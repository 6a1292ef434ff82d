import { lastValueFrom } from 'rxjs';
import { dateTime, type DataQueryRequest, type LegacyMetricFindQueryOptions } from '@grafana/data';
import { TwinVariableSupport, type TwinVariableRequest } from './variable-support';
import type { TwinVariableQuery } from '../types';

describe('TwinVariableSupport', () => {
  it('answers the values as text and value fields, passing the scoped variables and range on', async () => {
    const calls: Array<[TwinVariableQuery, LegacyMetricFindQueryOptions]> = [];
    const support = new TwinVariableSupport(async (query, options) => {
      calls.push([query, options]);
      return [{ text: 'host:r01-s1' }, { text: 'host:r01-s2', value: 'host:r01-s2' }];
    });
    const range = { from: dateTime(0), to: dateTime(60_000), raw: { from: 'now-1m', to: 'now' } };
    const target: TwinVariableRequest = { refId: 'variable', kind: 'entities', entityType: '$type' };
    const scopedVars = { type: { text: 'host', value: 'host' } };
    const answer = await lastValueFrom(
      support.query({ targets: [target], scopedVars, range } as unknown as DataQueryRequest<TwinVariableRequest>)
    );
    expect(
      answer.data.map((f) => [
        f.refId,
        f.fields.map((field: { name: string; values: unknown[] }) => [field.name, field.values]),
      ])
    ).toEqual([
      [
        'variable',
        [
          ['text', ['host:r01-s1', 'host:r01-s2']],
          ['value', ['host:r01-s1', 'host:r01-s2']],
        ],
      ],
    ]);
    expect(calls).toEqual([[target, { scopedVars, range }]]);
  });

  it('mounts the variable editor', () => {
    expect(new TwinVariableSupport(async () => []).editor.name).toBe('VariableEditor');
  });
});
