import { buildApiApp } from '../build-app';
import type { ApiServerSettings } from '../build-app';
import { defaultApiConfig } from '../config';
import type { ApiConfig } from '../config';
import { FakeScrapeRegistry, FakeTwin, ManualTimers } from './fake-twin';

/** 2023-11-14T22:13:20.000Z, the fixed "now" of API tests. */
export const NOW = 1_700_000_000_000;

/** The API app over the fake twin, with everything injectable overridable. */
export function createTestApp(overrides: Partial<ApiServerSettings> = {}, config: Partial<ApiConfig> = {}) {
  const twin = new FakeTwin();
  const metrics = new FakeScrapeRegistry();
  const timers = new ManualTimers();
  const settings: ApiServerSettings = {
    twin,
    metrics,
    authorize: () => 'ok',
    ready: () => ({ ready: true }),
    version: '1.2.3',
    clock: { now: () => NOW },
    timers,
    ...overrides,
  };
  const built = buildApiApp({ ...defaultApiConfig(), ...config }, settings);
  return { ...built, twin, metrics, timers, settings };
}
