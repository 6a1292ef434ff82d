import { HW_STATE_STATUSES, hwStateOf } from './health-rules';

describe('hwStateOf', () => {
  it.each([
    ['hw.status{hw.state="failed"}', 'failed'],
    ['hw.status{hw.type="power_supply",hw.state="predicted_failure"}', 'predicted_failure'],
    ['hw.status', undefined],
    ['hw.temperature{hw.state="failed"}', undefined],
  ])('reads %s as %s', (name, state) => {
    expect(hwStateOf(name)).toBe(state);
  });

  it('maps the semantic-convention states to statuses', () => {
    expect(HW_STATE_STATUSES).toEqual({ ok: 'ok', degraded: 'degraded', predicted_failure: 'degraded', needs_cleaning: 'degraded', failed: 'failing' });
  });
});
