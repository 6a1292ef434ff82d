/**
 * Jest for this repository's Grafana plugins: the scaffold's configuration, with the ES-module-only
 * packages @grafana/ui 13.2 reaches (the scaffold's list predates them) let through the
 * transform, and their .mjs files transformed too.
 */
// Times in tests read the same on every machine.
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const esModules = [...grafanaESModules, 'd3-.*', 'internmap', '@react-hookz/web', '@ver0/.*'];

module.exports = {
  ...base,
  transform: { ...base.transform, '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'] },
  transformIgnorePatterns: [nodeModulesToTransform(esModules)],
};
