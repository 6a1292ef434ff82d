/**
 * Chromium for the browser tests (Debian's, driven by playwright-core) and the page helpers they share.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
// Headless in a container: no sandbox (no user namespaces), no GPU, nothing phoning home.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
// Big enough for the panel and both side panels; small enough that the screenshots stay around 100 KB.
const VIEWPORT = { width: 1280, height: 800 };

export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface OpenPage {
  page: Page;
  /**
   * What went wrong so far: page errors, console errors, invalid icon names, failed page assets
   * (fonts aside: @grafana/ui ships none) and API server errors. The API's 4xx answers are the
   * panel's business (a signal without a forecast is a 404 it shows as such).
   */
  problems: string[];
}

/** A fresh page on `${apiUrl}/ui/${query}`, recording what failed while it ran. */
export async function openExplorer(browser: Browser, apiUrl: string, query = ''): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // "Failed to load resource" repeats a response, judged below.
    const failedLoad = /^Failed to load resource/.test(message.text());
    if ((message.type() === 'error' && !failedLoad) || /invalid icon name/.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    const failedAsset = response.status() >= 400 && path.startsWith('/ui/') && !path.includes('/fonts/');
    if (failedAsset || response.status() >= 500) {
      problems.push(`${response.status()} ${path}`);
    }
  });
  await page.goto(`${apiUrl}/ui/${query}`);
  return { page, problems };
}

/**
 * Saves a screenshot of the page as `screenshots/<name>.png`, or `.jpg` when `jpeg` (a 2,000-node
 * graph is thousands of anti-aliased dots: several hundred KB as PNG, a fifth of that as JPEG).
 */
export async function screenshot(page: Page, name: string, jpeg = false): Promise<void> {
  await page.screenshot(jpeg ? { path: `${SCREENSHOTS}${name}.jpg`, type: 'jpeg', quality: 70 } : { path: `${SCREENSHOTS}${name}.png` });
}
