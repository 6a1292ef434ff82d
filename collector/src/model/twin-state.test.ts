import { defaultTwinModelConfig } from './config';
import { InMemoryMetricsRegistry } from './metrics-registry';
import { createTwin } from './twin';
import type { EntityEvent, Twin } from './types';

function setup(start = 1_000_000) {
  let now = start;
  const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => now }, metrics: new InMemoryMetricsRegistry() });
  return { twin, advance: (ms: number) => (now += ms) };
}

const error: EntityEvent = { t: 1_000_500, severityNumber: 17, severityText: 'ERROR', message: 'disk full', attributes: {} };

function populate(twin: Twin): void {
  twin.upsertEntity({ id: 'rack:dc/r1', type: 'rack', level: 'asset', attributes: { position: 'A1' } });
  twin.upsertEntity({ id: 'host:web-1', type: 'host', level: 'asset', attributes: { 'host.arch': 'amd64' } });
  twin.upsertRelation('rack:dc/r1', 'host:web-1', 'contains', { u: 4 });
  twin.recordSignal('host:web-1', 'cpu', '1', 'gauge', 1_000_000, 0.25);
  twin.recordSignal('host:web-1', 'cpu', '1', 'gauge', 1_010_000, 0.5);
  twin.addEvent('host:web-1', error);
  twin.setDesired('host:web-1', { power: 'on' });
}

describe('takeDelta', () => {
  it('records nothing until tracking starts, then what changed since the previous call', () => {
    const { twin, advance } = setup();
    populate(twin);
    twin.trackChanges();
    expect(twin.takeDelta()).toEqual({ entities: [], relations: [], signals: [], events: [], removedEntities: [], removedRelations: [] });

    advance(20_000);
    twin.recordSignal('host:web-1', 'cpu', '1', 'gauge', 1_020_000, 0.75);
    twin.recordSignal('host:web-1', 'cpu', '1', 'gauge', 1_025_000, 0.25);
    twin.upsertRelation('rack:dc/r1', 'host:web-1', 'contains');
    const delta = twin.takeDelta();
    expect(delta.entities).toEqual([]);
    expect(delta.relations.map((r) => [r.id, r.lastSeen, r.stats])).toEqual([['contains:rack:dc/r1->host:web-1', 1_020_000, { u: 4 }]]);
    // Only the bucket written since the last flush, with its running mean.
    expect(delta.signals).toEqual([{ entity: 'host:web-1', name: 'cpu', unit: '1', kind: 'gauge', points: [{ t: 1_020_000, v: 0.5 }] }]);

    // The open bucket is sent again while it is still being averaged.
    twin.recordSignal('host:web-1', 'cpu', '1', 'gauge', 1_029_000, 0.5);
    expect(twin.takeDelta().signals[0].points).toEqual([{ t: 1_020_000, v: 0.5 }]);
  });

  it('lists removals, and forgets a removal when the entity comes back', () => {
    const { twin } = setup();
    populate(twin);
    twin.trackChanges();
    twin.removeEntity('host:web-1');
    twin.upsertEntity({ id: 'rack:dc/r2', type: 'rack', level: 'asset' });
    twin.removeEntity('rack:dc/r2');
    twin.upsertEntity({ id: 'rack:dc/r2', type: 'rack', level: 'asset' });
    const delta = twin.takeDelta();
    expect(delta.removedEntities).toEqual(['host:web-1']);
    expect(delta.removedRelations).toEqual(['contains:rack:dc/r1->host:web-1']);
    expect(delta.entities.map((e) => e.id)).toEqual(['rack:dc/r2']);
    expect(delta.signals).toEqual([]);
  });
});

describe('applyState', () => {
  it('restores into an empty twin what another twin saved: entities, relations, parents, history, events, desired state', () => {
    const source = setup();
    populate(source.twin);
    const saved = {
      entities: source.twin.listEntities({}).items,
      relations: source.twin.topology().edges,
      signals: [{ entity: 'host:web-1', name: 'cpu', unit: '1', kind: 'gauge', points: [{ t: 1_000_000, v: 0.25 }, { t: 1_010_000, v: 0.5 }] }],
      events: [{ entity: 'host:web-1', ...source.twin.getEntity('host:web-1')!.events }],
    };
    const target = setup(2_000_000);
    target.twin.applyState(saved);
    expect(target.twin.getEntity('host:web-1')).toEqual(source.twin.getEntity('host:web-1'));
    expect(target.twin.signalHistory({ entity: 'host:web-1', name: 'cpu' })?.points).toEqual(saved.signals[0].points);
    expect(target.twin.stats()).toEqual(source.twin.stats());
  });

  it('sets buckets rather than averaging them, and applies removals first', () => {
    const { twin } = setup();
    populate(twin);
    twin.applyState({
      entities: [],
      relations: [],
      signals: [{ entity: 'host:web-1', name: 'cpu', unit: '1', kind: 'gauge', points: [{ t: 1_000_000, v: 0.9 }, { t: 1_005_000, v: 0.8 }] }],
      events: [{ entity: 'host:web-1', countsBySeverity: { ERROR: 3 }, latestErrors: [] }],
      removedEntities: [],
      removedRelations: ['contains:rack:dc/r1->host:web-1'],
    });
    expect(twin.signalHistory({ entity: 'host:web-1', name: 'cpu' })?.points).toEqual([
      { t: 1_000_000, v: 0.8 },
      { t: 1_010_000, v: 0.5 },
    ]);
    expect(twin.getEntity('host:web-1')?.events).toEqual({ countsBySeverity: { ERROR: 3 }, latestErrors: [] });
    expect(twin.getEntity('host:web-1')?.parent).toBeUndefined();
  });
});
