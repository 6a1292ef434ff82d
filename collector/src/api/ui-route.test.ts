import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPLORER_PACKAGE, locateUi } from './ui-route';
import { createTestApp } from './test-support/test-app';

const INDEX = '<!doctype html><title>TwinOps explorer</title><div id="root"></div>';

/** A built explorer: index.html and one hashed asset. */
function builtExplorer(): string {
  const root = mkdtempSync(join(tmpdir(), 'twinops-ui-'));
  writeFileSync(join(root, 'index.html'), INDEX);
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("explorer")');
  return root;
}

describe('GET /ui', () => {
  it('answers index.html at /ui/ and the assets below it, with no token', async () => {
    const root = builtExplorer();
    const { app } = createTestApp({ authorize: () => 'unauthenticated' }, { uiDir: root });
    const page = await app.inject('/ui/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toBe(INDEX);
    const asset = await app.inject('/ui/assets/index-abc.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(asset.body).toBe('console.log("explorer")');
    // The page's API calls are still guarded.
    expect((await app.inject('/api/v1/status')).statusCode).toBe(401);
  });

  it.each([
    ['/ui', '/ui/'],
    ['/ui?view=floor&whatif=1', '/ui/?view=floor&whatif=1'],
  ])('redirects %s to %s so relative asset paths resolve', async (url, location) => {
    const { app } = createTestApp({}, { uiDir: builtExplorer() });
    const res = await app.inject(url);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(location);
  });

  it('answers a missing file with the API 404', async () => {
    const { app } = createTestApp({}, { uiDir: builtExplorer() });
    const res = await app.inject('/ui/nope.js');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it.each(['/ui', '/ui/', '/ui/assets/index-abc.js'])('answers %s with 404 and what to do when the build is missing', async (url) => {
    const root = mkdtempSync(join(tmpdir(), 'twinops-ui-empty-'));
    const { app } = createTestApp({}, { uiDir: root });
    const res = await app.inject(url);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'ui_not_built',
        message: `the explorer is not built: api.ui_dir ${JSON.stringify(root)} has no index.html; run \`npm run build\` at the repository root or point api.ui_dir at the explorer's dist folder`,
      },
    });
  });

  it('keeps the page out of the OpenAPI document', async () => {
    const { app } = createTestApp({}, { uiDir: builtExplorer() });
    const paths = Object.keys((await app.inject('/api/v1/openapi.json')).json().paths);
    expect(paths.filter((p) => p.startsWith('/ui'))).toEqual([]);
  });
});

describe('locateUi', () => {
  it("finds the installed explorer's dist by its package.json", () => {
    const pkg = builtExplorer();
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'index.html'), INDEX);
    const asked: string[] = [];
    const location = locateUi('', (id) => {
      asked.push(id);
      return join(pkg, 'package.json');
    });
    expect(location).toEqual({ root: join(pkg, 'dist') });
    expect(asked).toEqual([EXPLORER_PACKAGE]);
  });

  it('says to build when the package has no dist', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'twinops-ui-pkg-'));
    expect(locateUi('', () => join(pkg, 'package.json'))).toEqual({
      problem: `the explorer is not built (no ${join(pkg, 'dist', 'index.html')}); run \`npm run build\` at the repository root`,
    });
  });

  it('says so when the package is not installed', () => {
    const missing = () => {
      throw new Error("Cannot find module '@twinops/explorer/package.json'");
    };
    expect(locateUi('', missing)).toEqual({
      problem: "the explorer is not installed (@twinops/explorer was not found beside the collector); set api.ui_dir to a built explorer's dist folder",
    });
  });
});
