import { createRandom } from '../../random';
import { createShop, defaultShopConfig } from '../../shop';
import type { ShopCatalog } from '../../shop';
import { coldWorldState, createDataCenterLayout, createWorldModel, hostThrottleFactor, hostUp, readSensors, settle, stepWorld } from '../../world';
import type { DataCenterLayout } from '../../world';
import type { TelemetryStep } from '../telemetry-emitter';

/** A small world-plus-shop loop for the emitter's tests (the runner owns the real one). */
export interface TestSimulation {
  layout: DataCenterLayout;
  catalog: ShopCatalog;
  step(dtSeconds: number): TelemetryStep;
}

export function createTestSimulation(seed = 7, startSeconds = 18 * 3600): TestSimulation {
  const layout = createDataCenterLayout();
  const random = createRandom(seed);
  const config = defaultShopConfig();
  const shop = createShop(config, { random: random.fork('shop') });
  const sensorRandom = random.fork('sensors');
  let state = settle(coldWorldState(createWorldModel(layout)), { hostLoad: new Map() });
  let now = startSeconds;
  return {
    layout,
    catalog: config.catalog,
    step(dtSeconds) {
      const world = { hostUp: (h: string) => hostUp(state, h), throttle: (h: string) => hostThrottleFactor(state, h) };
      const shopStep = shop.step(now, dtSeconds, world);
      const hostLoad = shop.hostLoad();
      state = stepWorld(state, { hostLoad }, dtSeconds);
      now += dtSeconds;
      return { sensors: readSensors(state, sensorRandom), shop: shopStep, hostLoad };
    },
  };
}
