import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
// @grafana/ui asks for `<__grafana_public_path__>build/img/icons/<dir>/<name>.svg`; the files ship in its dist.
const ICONS_SOURCE = join(dirname(require.resolve('@grafana/ui/package.json')), 'dist', 'public', 'img', 'icons');
// Icons Grafana has but the package does not ship (icons/README.md); they win over the package's.
const EXTRA_ICONS = fileURLToPath(new URL('./icons/', import.meta.url));
const ICONS_PATH = 'build/img/icons';
const BASE = '/ui/';

/** Serves @grafana/ui's icons in dev and copies them into the build, so `<Icon>` never 404s. */
function grafanaIcons(): Plugin {
  let outDir = 'dist';
  return {
    name: 'twinops-grafana-icons',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use(`${BASE}${ICONS_PATH}/`, (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0]);
        const file = [EXTRA_ICONS, ICONS_SOURCE]
          .map((root) => ({ root, file: normalize(join(root, name)) }))
          .find(({ root, file }) => file.startsWith(root) && existsSync(file) && statSync(file).isFile())?.file;
        if (!file) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'image/svg+xml');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      cpSync(ICONS_SOURCE, join(outDir, ICONS_PATH), { recursive: true });
      cpSync(join(EXTRA_ICONS, 'unicons'), join(outDir, ICONS_PATH, 'unicons'), { recursive: true });
    },
  };
}

export default defineConfig({
  // The collector serves the build at /ui/.
  base: BASE,
  plugins: [react(), grafanaIcons()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // @grafana/ui is large by nature; one chunk of a few MB is what this page is.
    chunkSizeWarningLimit: 8000,
  },
  server: {
    // `npm run dev` talks to a collector on its default address; the page's API calls are same-origin paths.
    proxy: { '/api': 'http://127.0.0.1:8088' },
  },
});
