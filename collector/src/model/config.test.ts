import { obj } from '../config';
import { defaultTwinModelConfig, twinHistoryConfigSchema, twinLimitsConfigSchema, validateTwinModelConfig } from './config';

describe('twin model config', () => {
  const schema = obj({ limits: twinLimitsConfigSchema, history: twinHistoryConfigSchema });

  it('defaults validate', () => {
    const errors: string[] = [];
    expect(schema.parse({}, 'twin', errors)).toEqual(defaultTwinModelConfig());
    expect(errors).toEqual([]);
    expect(validateTwinModelConfig(defaultTwinModelConfig(), 'twin')).toEqual([]);
  });

  it('reports bad values with their path', () => {
    const errors: string[] = [];
    schema.parse({ limits: { max_entities: 0, max_things: 1 }, history: { resolution_seconds: 'x' } }, 'twin', errors);
    expect(errors).toEqual([
      'twin.limits.max_things: unknown key',
      'twin.limits.max_entities: must be a positive integer, got 0',
      'twin.history.resolution_seconds: must be a positive integer, got "x"',
    ]);
  });

  it('needs retention of at least one resolution', () => {
    const config = defaultTwinModelConfig();
    config.history.retentionSeconds = 5;
    expect(validateTwinModelConfig(config, 'twin')).toEqual([
      'twin.history.retention_seconds: must be at least resolution_seconds (10), got 5',
    ]);
  });
});
