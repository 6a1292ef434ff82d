/**
 * jsdom, plus Node's Fetch API: the tests against a real collector run the datasource as in a
 * browser, and the browser has fetch.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

module.exports = class JsdomFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Request', 'Response', 'Headers', 'AbortController', 'AbortSignal']) {
      this.global[name] = globalThis[name];
    }
  }
};
