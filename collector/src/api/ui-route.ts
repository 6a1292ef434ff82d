import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from './errors';

/** The explorer's package; its `dist/` is the built page. */
export const EXPLORER_PACKAGE = '@twinops/explorer/package.json';
export const UI_PREFIX = '/ui/';

/** Where the page's files are, or why there are none (the 404 message of /ui). */
export type UiLocation = { root: string } | { problem: string };

const BUILD_HINT = 'run `npm run build` at the repository root';

/**
 * The explorer's build: `uiDir` when set, else the installed @twinops/explorer's `dist/`. A folder
 * without index.html counts as not built, so /ui says what to do instead of serving a blank page.
 */
export function locateUi(uiDir: string, resolvePackage: (id: string) => string = require.resolve): UiLocation {
  if (uiDir !== '') {
    const root = resolve(uiDir);
    return existsSync(join(root, 'index.html'))
      ? { root }
      : { problem: `the explorer is not built: api.ui_dir ${JSON.stringify(root)} has no index.html; ${BUILD_HINT} or point api.ui_dir at the explorer's dist folder` };
  }
  let packageJson: string;
  try {
    packageJson = resolvePackage(EXPLORER_PACKAGE);
  } catch {
    return { problem: "the explorer is not installed (@twinops/explorer was not found beside the collector); set api.ui_dir to a built explorer's dist folder" };
  }
  const root = join(dirname(packageJson), 'dist');
  return existsSync(join(root, 'index.html')) ? { root } : { problem: `the explorer is not built (no ${join(root, 'index.html')}); ${BUILD_HINT}` };
}

/**
 * /ui/ serves the explorer's files to anyone: they hold no twin data, and the page's own API calls
 * still pass the auth hook. /ui redirects to /ui/ so the page's relative asset paths resolve.
 */
export function registerUiRoutes(app: FastifyInstance, location: UiLocation): void {
  if ('problem' in location) {
    const notBuilt = async (_request: unknown, reply: FastifyReply) => reply.code(404).send(errorBody('ui_not_built', location.problem));
    for (const url of ['/ui', '/ui/', '/ui/*']) app.get(url, { config: { openapi: false } }, notBuilt);
    return;
  }
  app.get('/ui', { config: { openapi: false } }, async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`${UI_PREFIX}${query >= 0 ? request.url.slice(query) : ''}`, 302);
  });
  // decorateReply false: the API has no other use for sendFile and must not claim the name.
  void app.register(fastifyStatic, { root: location.root, prefix: UI_PREFIX, index: 'index.html', decorateReply: false });
}
