import type { EntityDetail, EntityEvent } from '../model';
import { FakeTwin, HOST, RACK, SERVICE } from './test-support/fake-twin';
import { NOW, createTestApp } from './test-support/test-app';

const event = (t: number, severityNumber: number, severityText: string, message: string, attributes = {}): EntityEvent => ({
  t,
  severityNumber,
  severityText,
  message,
  attributes,
});

// Each entity's latestErrors, newest first, as the twin keeps them.
const HOST_EVENTS = [
  event(NOW + 5_000, 17, 'ERROR', 'after now'),
  event(NOW - 60_000, 17, 'ERROR', 'disk full', { device: 'sda' }),
  event(NOW - 120_000, 13, 'WARN', 'slow io'),
  event(NOW - 7_200_000, 21, 'FATAL', 'old crash'),
];
const SERVICE_EVENTS = [
  // Only a severity text (number 0): ranked by the text, as the twin ranked it when keeping it.
  event(NOW - 30_000, 0, 'Error', 'payment failed', { 'http.status_code': 502 }),
  event(NOW - 60_000, 21, 'FATAL', 'panic'),
  event(NOW - 90_000, 16, 'WARN4', 'retrying'),
];

const withEvents = (entity: EntityDetail, latestErrors: EntityEvent[]): EntityDetail => ({
  ...entity,
  events: { countsBySeverity: {}, latestErrors },
});

function eventsApp() {
  const twin = new FakeTwin([withEvents(SERVICE, SERVICE_EVENTS), withEvents(HOST, HOST_EVENTS), RACK]);
  return createTestApp({ twin }).app;
}

const ITEMS = {
  paymentFailed: { entity: 'service:checkout', t: NOW - 30_000, severityNumber: 0, severityText: 'Error', message: 'payment failed', attributes: { 'http.status_code': 502 } },
  diskFull: { entity: 'host:web-3', t: NOW - 60_000, severityNumber: 17, severityText: 'ERROR', message: 'disk full', attributes: { device: 'sda' } },
  panic: { entity: 'service:checkout', t: NOW - 60_000, severityNumber: 21, severityText: 'FATAL', message: 'panic', attributes: {} },
  retrying: { entity: 'service:checkout', t: NOW - 90_000, severityNumber: 16, severityText: 'WARN4', message: 'retrying', attributes: {} },
  slowIo: { entity: 'host:web-3', t: NOW - 120_000, severityNumber: 13, severityText: 'WARN', message: 'slow io', attributes: {} },
  oldCrash: { entity: 'host:web-3', t: NOW - 7_200_000, severityNumber: 21, severityText: 'FATAL', message: 'old crash', attributes: {} },
};

describe('GET /api/v1/events', () => {
  it('merges every entity\'s events of the last hour, WARN or worse, newest first (ties by entity id)', async () => {
    const res = await eventsApp().inject('/api/v1/events');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [ITEMS.paymentFailed, ITEMS.diskFull, ITEMS.panic, ITEMS.retrying, ITEMS.slowIo] });
  });

  it.each([
    ['?minSeverity=WARN', ['payment failed', 'disk full', 'panic', 'retrying', 'slow io']],
    ['?minSeverity=ERROR', ['payment failed', 'disk full', 'panic']],
    ['?minSeverity=FATAL', ['panic']],
    ['?entity=host%3Aweb-3', ['disk full', 'slow io']],
    ['?entity=host:web-3&minSeverity=ERROR', ['disk full']],
    ['?entity=rack:ams1/r12', []],
    ['?from=now-3h', ['payment failed', 'disk full', 'panic', 'retrying', 'slow io', 'old crash']],
    ['?from=now-3h&to=now-1h', ['old crash']],
    [`?to=${NOW + 60_000}`, ['after now', 'payment failed', 'disk full', 'panic', 'retrying', 'slow io']],
    [`?from=${NOW - 90_000}&to=${NOW - 60_000}`, ['disk full', 'panic', 'retrying']],
    ['?from=2023-11-14T22:12:20Z&to=2023-11-14T22:12:55%2B00:00', ['payment failed', 'disk full', 'panic']],
    ['?limit=2', ['payment failed', 'disk full']],
    ['?limit=1&minSeverity=FATAL&from=now-3h', ['panic']],
  ])('filters %s', async (params, messages) => {
    const res = await eventsApp().inject(`/api/v1/events${params}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((item: { message: string }) => item.message)).toEqual(messages);
  });

  it('answers 404 for an unknown entity', async () => {
    const res = await eventsApp().inject('/api/v1/events?entity=host%3Ax');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'entity "host:x" not found' } });
  });

  it.each([
    ['?minSeverity=INFO', 'minSeverity: must be one of WARN, ERROR, FATAL, got "INFO"'],
    ['?minSeverity=warn', 'minSeverity: must be one of WARN, ERROR, FATAL, got "warn"'],
    ['?limit=0', 'limit: must be >= 1, got 0'],
    ['?limit=1001', 'limit: must be <= 1000, got 1001'],
    ['?limit=ten', 'limit: must be integer, got "ten"'],
    ['?entity=', 'entity: must NOT have fewer than 1 characters, got ""'],
    ['?from=yesterday', 'from: expected RFC 3339, epoch milliseconds or now-<duration>, got "yesterday"'],
    ['?from=now&to=now-1h', 'from: must not be after to (1699996400000), got 1700000000000'],
    ['?severity=ERROR', 'severity: unknown query parameter'],
  ])('answers 400 for %s', async (params, message) => {
    const res = await eventsApp().inject(`/api/v1/events${params}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad_request', message } });
  });

  it('answers an empty list from a twin without events', async () => {
    const { app } = createTestApp();
    const res = await app.inject('/api/v1/events');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"items":[]}');
  });
});
