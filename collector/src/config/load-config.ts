import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { Field } from './schema';

/** Thrown when the config cannot be used; `problems` lists every one found. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid configuration (${source}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Environment variables that override config keys: TWINOPS_API__ENDPOINT sets api.endpoint. */
export const ENV_PREFIX = 'TWINOPS_';

export interface LoadConfigOptions {
  /** A YAML file; when absent the embedded defaults apply. */
  file?: string;
  env?: NodeJS.ProcessEnv;
}

/** Reads, overrides and validates the config; throws ConfigError listing every problem. */
export function loadConfig<T>(schema: Field<T>, options: LoadConfigOptions = {}): T {
  const source = options.file ?? '(defaults)';
  const raw = options.file ? readYaml(options.file) : {};
  const errors: string[] = [];
  applyEnvOverrides(raw, options.env ?? {}, errors);
  const config = schema.parse(raw, '', errors);
  if (errors.length > 0) throw new ConfigError(source, errors);
  return config;
}

function readYaml(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [`cannot read the file: ${(err as Error).message}`]);
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `YAML syntax: ${e.message.split('\n')[0]}`));
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(file, ['(top level): must be a mapping of sections']);
  }
  return value as Record<string, unknown>;
}

function applyEnvOverrides(raw: Record<string, unknown>, env: NodeJS.ProcessEnv, errors: string[]): void {
  for (const [name, text] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || text === undefined) continue;
    const path = name.slice(ENV_PREFIX.length).toLowerCase().split('__');
    let node: Record<string, unknown> = raw;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (next === undefined || next === null) node[key] = {};
      else if (typeof next !== 'object' || Array.isArray(next)) {
        errors.push(`${name}: ${path.join('.')} does not name a config key`);
        break;
      }
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = parseDocument(text).toJS();
  }
}
