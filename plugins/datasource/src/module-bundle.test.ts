/**
 * Checks the BUILT plugin in dist/ (the root `npm test` builds before testing): Grafana loads
 * module.js through SystemJS as an AMD module and hands it its own React, @grafana/* and rxjs. A
 * bundled copy of any of them is what broke other plugins on Grafana and React upgrades.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..');
const dist = join(root, 'dist');

function readDist(name: string): string {
  const file = join(dist, name);
  if (!existsSync(file)) {
    throw new Error(
      `dist/${name} is missing: run \`npm run build\` in plugins/datasource (the root \`npm test\` does) before this test`
    );
  }
  return readFileSync(file, 'utf8');
}

// The shared modules Grafana provides (.config/bundler/externals.ts) plus webpack's `module`.
const EXTERNALS = [
  'module',
  'lodash',
  'jquery',
  'moment',
  'slate',
  'emotion',
  '@emotion/react',
  '@emotion/css',
  'prismjs',
  'slate-plain-serializer',
  '@grafana/slate-react',
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-redux',
  'redux',
  'rxjs',
  'i18next',
  'react-router',
  'd3',
  'angular',
  '@grafana/ui',
  '@grafana/runtime',
  '@grafana/data',
];

// Text that only a bundled copy of React, @grafana/* or rxjs would carry.
const COPY_MARKERS = [
  '__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED',
  '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE',
  'ReactCurrentDispatcher',
  'react.production',
  'react-dom.production',
  'react.transitional.element',
  'node_modules/react',
  'node_modules/@grafana/',
  'packages/grafana-data/',
  'packages/grafana-ui/',
  'node_modules/rxjs',
];

// Bundled sources of a shared package would appear under these folders in the source map.
const SHARED_PACKAGE = /node_modules\/(react|react-dom|scheduler|rxjs|@grafana|@emotion|lodash|moment|i18next)\//;

describe('dist/module.js', () => {
  it('is an AMD module whose dependencies are all Grafana-provided externals', () => {
    const code = readDist('module.js');
    const define = /^define\((\[[^\]]*\])\s*,/m.exec(code);
    expect(define).not.toBeNull();
    const deps: string[] = JSON.parse(define![1]);
    expect(deps.filter((dep) => !EXTERNALS.includes(dep))).toEqual([]);
    expect(deps).toEqual(expect.arrayContaining(['@grafana/data', '@grafana/runtime', '@grafana/ui', 'react', 'rxjs']));
  });

  it('contains no copy of React, @grafana/* or rxjs', () => {
    const code = readDist('module.js');
    expect(COPY_MARKERS.filter((marker) => code.includes(marker))).toEqual([]);
  });

  it('was built from no file of a shared package (per its source map)', () => {
    const map = JSON.parse(readDist('module.js.map')) as { sources: string[] };
    expect(map.sources.length).toBeGreaterThan(0);
    expect(map.sources.filter((source) => SHARED_PACKAGE.test(source))).toEqual([]);
  });
});

describe('dist/plugin.json', () => {
  it('has the version and date placeholders replaced', () => {
    const text = readDist('plugin.json');
    const built = JSON.parse(text);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(built.info.version).toBe(pkg.version);
    expect(built.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text.match(/%[A-Z_]+%/g)).toBeNull();
  });

  it('is the source plugin.json built for production, and ships the files it names', () => {
    const built = JSON.parse(readDist('plugin.json'));
    const source = JSON.parse(readFileSync(join(__dirname, 'plugin.json'), 'utf8'));
    // The scaffold's BuildModeWebpackPlugin records the build mode; a development build must not ship.
    const { buildMode, ...rest } = built;
    expect(buildMode).toBe('production');
    expect({ ...rest, info: { ...built.info, version: '%VERSION%', updated: '%TODAY%' } }).toEqual(source);
    expect(
      [built.info.logos.small, built.info.logos.large, 'README.md', 'LICENSE'].filter((f) => !existsSync(join(dist, f)))
    ).toEqual([]);
  });
});
