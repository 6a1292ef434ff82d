const unit = require('../jest-grafana');

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
