import type { TwinQuery } from '../types';
import type { TwinChangeEvent } from './change-stream';
import { isRelevantChange } from './relevant-change';

const change = (kind: TwinChangeEvent['kind'], data: Record<string, unknown>): TwinChangeEvent => ({ kind, data });
const q = (queryType: TwinQuery['queryType'], entity?: string): TwinQuery => ({ refId: 'A', queryType, entity });

describe('isRelevantChange', () => {
  it.each([
    [q('topology'), change('relation.added', { relation: {} }), true],
    [q('topology'), change('entity.removed', { id: 'host:a' }), true],
    [q('topology'), change('signal.added', { entity: 'host:a' }), false],
    [q('entities'), change('entity.updated', { entity: { id: 'host:a' } }), true],
    [q('entities'), change('relation.removed', { id: 'x' }), false],
    [q('signals', 'host:a'), change('signal.added', { entity: 'host:a', signal: 'cpu' }), true],
    [q('signals', 'host:a'), change('signal.added', { entity: 'host:b', signal: 'cpu' }), false],
    [q('forecast', 'host:a'), change('entity.updated', { entity: { id: 'host:a' } }), false],
    [q('anomalies'), change('signal.added', { entity: 'host:b' }), true],
    [q('rootCause', 'host:a'), change('signal.added', { entity: 'host:a' }), true],
    [q('events', 'host:a'), change('event.added', { entity: 'host:a', event: {} }), true],
    [q('events', 'host:a'), change('event.added', { entity: 'host:b', event: {} }), false],
    [q('events'), change('event.added', { entity: 'host:b', event: {} }), true],
    [q('simulation'), change('relation.added', {}), false],
  ])('%j on %j → %p', (query, c, relevant) => {
    expect(isRelevantChange(query, c)).toBe(relevant);
  });
});
