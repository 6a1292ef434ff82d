// Times in tests read the same on every machine.
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

// @grafana/ui 13.2 reaches ES-module-only packages the scaffold's list predates: let them through
// the transform, and transform their .mjs files too.
const esModules = [...grafanaESModules, 'd3-.*', 'internmap', '@react-hookz/web', '@ver0/.*'];
const unit = {
  ...base,
  transform: { ...base.transform, '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'] },
  transformIgnorePatterns: [nodeModulesToTransform(esModules)],
};
const COLLECTOR_TESTS = '\\.collector\\.test\\.tsx?$';

module.exports = {
  projects: [
    { ...unit, displayName: 'unit', testPathIgnorePatterns: [COLLECTOR_TESTS] },
    // Against a real collector and the demo, started once for all such files.
    {
      ...unit,
      displayName: 'collector',
      testMatch: ['<rootDir>/src/**/*.collector.test.ts'],
      testEnvironment: '<rootDir>/test/jsdom-fetch-environment.js',
      globalSetup: '<rootDir>/test/collector-stack.ts',
      globalTeardown: '<rootDir>/test/stop-collector-stack.ts',
    },
  ],
};
