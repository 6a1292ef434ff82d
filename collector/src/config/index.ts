/** The YAML config: a schema language for sections, loading with environment overrides, defaults as documented YAML. */
export { str, int, num, bool, oneOf, list, obj, dict, camelCase } from './schema';
export type { Field, ObjectField, Shape, ShapeValue, ValueOf } from './schema';
export { loadConfig, ConfigError, ENV_PREFIX } from './load-config';
export type { LoadConfigOptions } from './load-config';
export { renderDefaults } from './render-defaults';
export { endpoint, parseEndpoint, requireEndpoint, formatEndpoint, isLoopbackHost } from './endpoint';
export type { HostPort } from './endpoint';
export { compileGlob, compileGlobs } from './glob';
