import { FieldType } from '@grafana/data';
import { T0, entities } from '../test-support/fixtures';
import { attributesText, entitiesFrame } from './entities-frame';

describe('entitiesFrame', () => {
  it('is a table of the entities, field by field', () => {
    const frame = entitiesFrame(entities, 'A');
    expect([frame.name, frame.refId, frame.meta]).toEqual([
      'entities',
      'A',
      { preferredVisualisationType: 'table', notices: [] },
    ]);
    expect(frame.fields.map((f) => [f.name, f.type, f.config.displayName, f.values])).toEqual([
      ['id', FieldType.string, 'Id', ['host:r01-s1', 'site:dc1']],
      ['name', FieldType.string, 'Name', ['r01-s1', 'Demo data center']],
      ['type', FieldType.string, 'Type', ['host', 'site']],
      ['level', FieldType.string, 'Level', ['asset', 'system']],
      ['parent', FieldType.string, 'Parent', ['rack:dc1/r01', '']],
      ['attributes', FieldType.string, 'Attributes', ['cores=12, model=storage-2u', '']],
      ['firstSeen', FieldType.time, 'First seen', [T0, T0]],
      ['lastSeen', FieldType.time, 'Last seen', [T0 + 5, T0]],
    ]);
  });

  it('warns when the collector matched more than the page holds', () => {
    const frame = entitiesFrame({ ...entities, total: 1500 });
    expect(frame.meta?.notices).toEqual([
      { severity: 'warning', text: 'showing 2 of 1500 entities: narrow the filter' },
    ]);
  });

  it('writes attributes sorted, null as null', () => {
    expect(attributesText({ b: true, a: null, c: 'x' })).toBe('a=null, b=true, c=x');
  });
});
