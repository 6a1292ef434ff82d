/**
 * The explorer in real Chromium against a running collector and the demo: the topology, a
 * service's details, the floor, a failed CRAC in what-if mode, and a 2,000-node twin.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataCenterLayout } from '@twinops/demo';
import { launchChromium, openExplorer, screenshot } from './browser';
import { BIG_TWIN_NODES } from './big-inventory';
import { stackContext } from './stack-context';

const { apiUrl, bigApiUrl } = stackContext();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The shop's service-to-service calls (demo/src/shop/catalog.ts).
const SHOP_CALLS = [
  'frontend->catalog',
  'frontend->recommendation',
  'frontend->cart',
  'frontend->checkout',
  'checkout->cart',
  'checkout->payment',
].map((pair) => pair.replace(/(\w+)->(\w+)/, 'service:shop/$1->service:shop/$2'));

interface TopologyJson {
  nodes: Array<{ id: string }>;
  edges: Array<{ source: string; target: string }>;
}

/** Waits until the collector's own topology has the shop's calls, so the page has something to draw. */
async function waitForShopCalls(seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    const response = await fetch(`${apiUrl}/api/v1/topology?view=services`);
    if (response.ok) {
      const topology = (await response.json()) as TopologyJson;
      const pairs = new Set(topology.edges.map((e) => `${e.source}->${e.target}`));
      if (SHOP_CALLS.every((call) => pairs.has(call))) {
        return;
      }
    }
    await sleep(1000);
  }
  throw new Error(`the collector had not seen the shop's calls after ${seconds} s`);
}

/**
 * What the topology SVG draws: node ids (data-node) and edges as `source->target`. A path's
 * data-edges lists its edges' ids, `<type>:<source>-><target>`, separated by spaces; ids hold
 * spaces too (`flow:shop/frontend/GET /`), so the list splits only before a relation type.
 */
const RELATION_TYPES = 'calls|database|messaging|part_of|depends_on|contains|runs_on|cools|powers|routes_via';

async function drawnGraph(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  const { nodes, lists } = await page.evaluate(() => ({
    nodes: [...document.querySelectorAll('[data-node]')].map((n) => n.getAttribute('data-node') ?? ''),
    lists: [...document.querySelectorAll('path[data-edges]')].map((p) => p.getAttribute('data-edges') ?? ''),
  }));
  const ids = lists.flatMap((list) => list.split(new RegExp(` (?=(?:${RELATION_TYPES}):)`)));
  return { nodes: nodes.sort(), edges: ids.map((id) => id.replace(new RegExp(`^(?:${RELATION_TYPES}):`), '')).sort() };
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await waitForShopCalls(45);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the explorer on the demo', () => {
  it('draws the shop services with their calls', async () => {
    const { page, problems } = await openExplorer(browser, apiUrl);
    await page.waitForSelector('[data-node="service:shop/payment"]');
    await page.waitForSelector('path[data-edges]');
    const { nodes, edges } = await drawnGraph(page);
    expect(nodes).toEqual(expect.arrayContaining(['service:shop/frontend', 'service:shop/checkout', 'service:shop/payment', 'service:shop/cart']));
    expect(SHOP_CALLS.filter((call) => !edges.includes(call))).toEqual([]);
    // Every drawn edge joins two drawn nodes.
    const drawn = new Set(nodes);
    expect(edges.filter((e) => !(drawn.has(e.slice(0, e.indexOf('->'))) && drawn.has(e.slice(e.indexOf('->') + 2))))).toEqual([]);
    await screenshot(page, 'topology');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens the details of a clicked service', async () => {
    const { page, problems } = await openExplorer(browser, apiUrl);
    await page.click('[data-node="service:shop/checkout"]');
    // The drawer names the entity by id until its details arrive, then by name.
    const drawer = page.locator('aside[aria-label="Details of checkout"]');
    await drawer.waitFor();
    await drawer.locator('section[aria-label="Signals"]').waitFor();
    await screenshot(page, 'details');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows every rack on the floor', async () => {
    const { page, problems } = await openExplorer(browser, apiUrl, '?view=floor');
    await page.waitForSelector('[data-rack]');
    const racks = await page.locator('[data-rack]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rack')));
    expect(racks).toHaveLength(createDataCenterLayout().racks.length);
    expect(racks).toHaveLength(12);
    await screenshot(page, 'floor');
    await page.getByRole('button', { name: 'Switch to the light theme' }).click();
    await page.waitForURL(/theme=light/);
    // Away from the button (its tooltip) and past the theme's colour transitions.
    await page.mouse.move(640, 700);
    await sleep(400);
    await screenshot(page, 'floor-light');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('predicts hot spots and their onset when CRACs fail in what-if mode', async () => {
    const { page, problems } = await openExplorer(browser, apiUrl, '?view=floor&whatif=1');
    const whatIf = page.locator('aside[aria-label="What-if"]');
    // One CRAC of a hall is redundant (the demo's halls lose 3 °C of headroom without it); both make hot spots.
    for (const crac of ['crac-a1', 'crac-a2']) {
      await page.locator(`button[aria-label^="CRAC ${crac},"]`).click();
      await whatIf.getByRole('button', { name: `Fail ${crac}` }).click();
    }
    await whatIf.getByRole('button', { name: 'Run (2 changes)' }).click();
    const violations = whatIf.locator('table[aria-label="Predicted violations"] tbody tr');
    await violations.first().waitFor({ timeout: 30_000 });
    const rows = await violations.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    // Each violation names its onset in minutes from now.
    expect(rows.filter(([onset]) => !/^\+\d+ min$/.test(onset))).toEqual([]);
    const hot = await page
      .locator('[data-rack][data-hot="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const marked = hot.filter((label) => /predicted violation at \+\d+ min/.test(label));
    expect(marked.length).toBeGreaterThan(0);
    console.log(`what-if: ${rows.length} predicted violations, first ${rows[0].slice(0, 3).join(' ')}; hot racks: ${marked.join('; ')}`);
    await screenshot(page, 'what-if');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('the explorer on a 2,000-node twin', () => {
  it('renders it and stays responsive while panning and zooming (frame times printed)', async () => {
    const { page, problems } = await openExplorer(browser, bigApiUrl, '?topology=infra');
    const svg = page.locator('svg[aria-label^="Topology: "]');
    const opened = Date.now();
    await svg.waitFor({ timeout: 30_000 });
    const label = (await svg.getAttribute('aria-label')) ?? '';
    // The inventory's entities plus the enterprise root the twin adds above its sites.
    expect(Number(/Topology: (\d+) nodes/.exec(label)?.[1])).toBeGreaterThanOrEqual(BIG_TWIN_NODES);
    const drawnAt = Date.now() - opened;
    await screenshot(page, 'topology-2000', true);
    const box = await svg.boundingBox();
    if (!box) {
      throw new Error('the topology has no box');
    }
    await page.evaluate(() => {
      const frames: number[] = [];
      (window as unknown as { __frames: number[] }).__frames = frames;
      let last = performance.now();
      const tick = (now: number) => {
        frames.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Zoom in towards the middle, pan across, zoom back out.
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, -120);
      await sleep(50);
    }
    await page.mouse.down();
    await page.mouse.move(cx - 300, cy - 150, { steps: 40 });
    await page.mouse.move(cx + 200, cy + 100, { steps: 40 });
    await page.mouse.up();
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 120);
      await sleep(50);
    }
    await sleep(200);
    const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(1));
    const sorted = [...frames].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    console.log(
      `2,000-node twin (${label}): drawn ${drawnAt} ms after opening; pan and zoom: ${frames.length} frames, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`
    );
    expect(frames.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});
