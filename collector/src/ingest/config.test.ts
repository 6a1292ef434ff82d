import { defaultTwinConfig, twinConfigSchema, validateTwinConfig } from './config';

describe('twin config', () => {
  it('defaults validate', () => {
    const config = defaultTwinConfig();
    expect(validateTwinConfig(config)).toEqual([]);
    expect(config.identity.keys.host).toEqual(['host.name', 'host.id']);
    expect(config.inventory.file).toBe('');
    expect(config.limits.maxEntities).toBe(100_000);
    expect(config.history).toEqual({ resolutionSeconds: 10, retentionSeconds: 3600 });
  });

  it('reports unknown keys and bad values with their path', () => {
    const errors: string[] = [];
    twinConfigSchema.parse({ identity: { keys: { rack: [] }, service_namespace: 'yes' } }, 'twin', errors);
    expect(errors).toEqual([
      'twin.identity.service_namespace: must be true or false, got "yes"',
      'twin.identity.keys.rack: unknown key',
    ]);
  });

  it.each([
    [{ inventory: { file: 'dc.json' } }, 'twin.inventory.file: must end in .yaml, .yml or .csv, got "dc.json"'],
    [{ identity: { keys: { host: ['host.id', ''] } } }, 'twin.identity.keys.host: must not contain an empty key'],
    [
      { history: { resolution_seconds: 60, retention_seconds: 30 } },
      'twin.history.retention_seconds: must be at least resolution_seconds (60), got 30',
    ],
  ])('cross-field rule: %j', (raw, message) => {
    const errors: string[] = [];
    const config = twinConfigSchema.parse(raw, 'twin', errors);
    expect(errors).toEqual([]);
    expect(validateTwinConfig(config)).toEqual([message]);
  });
});
