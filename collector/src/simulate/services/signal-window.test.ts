import { parseSignalName } from './signal-window';

describe('parseSignalName', () => {
  it.each([
    ['service.requests_per_second', { base: 'service.requests_per_second', labels: {} }],
    [
      'http.server.request.duration.p95{http.request.method="GET",http.response.status_code="200",http.route="/cart"}',
      { base: 'http.server.request.duration.p95', labels: { 'http.request.method': 'GET', 'http.response.status_code': '200', 'http.route': '/cart' } },
    ],
    ['edge.requests_per_second{to="a \\"b\\"",type="calls"}', { base: 'edge.requests_per_second', labels: { to: 'a "b"', type: 'calls' } }],
  ])('%s', (name, expected) => {
    expect(parseSignalName(name)).toEqual(expected);
  });
});
