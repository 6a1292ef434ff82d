import { bool, dict, int, list, obj, oneOf, str } from './schema';
import { renderDefaults } from './render-defaults';

const schema = obj({
  server: obj({
    endpoint: str('127.0.0.1:8088', 'host:port to listen on'),
    max_body_bytes: int(1024, 'largest body accepted', { min: 1 }),
    tls: bool(false, 'serve TLS'),
  }),
  mode: oneOf(['fast', 'safe'] as const, 'safe', 'trade speed for checks'),
  tags: list(str('', 'a tag'), [], 'tags'),
  tokens: dict(obj({ scopes: list(oneOf(['read', 'write'] as const, 'read', ''), ['read'], '') }), 'tokens by name'),
});

describe('config schema', () => {
  it('fills defaults and maps keys to camelCase', () => {
    const errors: string[] = [];
    const value = schema.parse({ server: { max_body_bytes: 10 }, tokens: { ci: { scopes: ['write'] } } }, '', errors);
    expect(errors).toEqual([]);
    expect(value).toEqual({
      server: { endpoint: '127.0.0.1:8088', maxBodyBytes: 10, tls: false },
      mode: 'safe',
      tags: [],
      tokens: { ci: { scopes: ['write'] } },
    });
  });

  it('reports every problem with its path, rule and value', () => {
    const errors: string[] = [];
    schema.parse(
      { server: { max_body_bytes: -5, tls: 'yes', port: 1 }, mode: 'slow', tags: 'a', tokens: { x: { scopes: ['admin'] } } },
      '',
      errors,
    );
    expect(errors).toEqual([
      'server.port: unknown key',
      'server.max_body_bytes: must be a positive integer, got -5',
      'server.tls: must be true or false, got "yes"',
      'mode: must be one of fast, safe, got "slow"',
      'tags: must be a list, got "a"',
      'tokens.x.scopes[0]: must be one of read, write, got "admin"',
    ]);
  });

  it('renders the defaults as commented YAML', () => {
    expect(renderDefaults(schema)).toBe(
      [
        'server:',
        '  # host:port to listen on',
        '  endpoint: "127.0.0.1:8088"',
        '  # largest body accepted',
        '  max_body_bytes: 1024',
        '  # serve TLS',
        '  tls: false',
        '# trade speed for checks',
        'mode: "safe"',
        '# tags',
        'tags: []',
        '# tokens by name',
        'tokens: {}',
        '',
      ].join('\n'),
    );
  });
});
