import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig, ConfigError } from './load-config';
import { int, list, obj, str } from './schema';

const created: string[] = [];
afterAll(() => created.forEach((file) => rmSync(dirname(file), { recursive: true, force: true })));

const schema = obj({
  api: obj({ endpoint: str('127.0.0.1:8088', ''), max_items: int(10, '', { min: 1 }) }),
  names: list(str('', ''), [], ''),
});

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'twinops-config-')), 'twinops.yaml');
  created.push(path);
  writeFileSync(path, text);
  return path;
}

describe('loadConfig', () => {
  it('uses the embedded defaults without a file', () => {
    expect(loadConfig(schema)).toEqual({ api: { endpoint: '127.0.0.1:8088', maxItems: 10 }, names: [] });
  });

  it('lets environment variables override the file, parsed as YAML scalars', () => {
    const path = file('api:\n  endpoint: 127.0.0.1:9000\n  max_items: 3\n');
    const env = { TWINOPS_API__MAX_ITEMS: '42', TWINOPS_NAMES: '[a, b]', OTHER: 'x' };
    expect(loadConfig(schema, { file: path, env })).toEqual({
      api: { endpoint: '127.0.0.1:9000', maxItems: 42 },
      names: ['a', 'b'],
    });
  });

  it('lists every problem, naming the file', () => {
    const path = file('api:\n  max_items: 0\n  colour: red\n');
    expect(() => loadConfig(schema, { file: path, env: { TWINOPS_NAMES__X: '1' } })).toThrow(
      `invalid configuration (${path}):\n  - api.colour: unknown key\n  - api.max_items: must be a positive integer, got 0\n  - names: must be a list, got {"x":1}`,
    );
  });

  it('names YAML syntax errors and unreadable files', () => {
    const bad = file('api: [1,\n');
    expect(() => loadConfig(schema, { file: bad })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { file: '/nonexistent/twinops.yaml' })).toThrow(
      'invalid configuration (/nonexistent/twinops.yaml):\n  - cannot read the file: ENOENT: no such file or directory',
    );
  });
});
