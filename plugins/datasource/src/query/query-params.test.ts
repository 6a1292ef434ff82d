import { millis, optional, parseAttributes, parseScenario, required } from './query-params';

describe('query params', () => {
  it.each([
    ['', {}],
    ['model=storage-2u', { model: 'storage-2u' }],
    [' model = a , rack=r01 ,', { model: 'a', rack: 'r01' }],
    ['k=a=b', { k: 'a=b' }],
  ])('parseAttributes(%j) → %j', (text, out) => {
    expect(parseAttributes(text)).toEqual(out);
  });

  it('names a malformed attribute filter', () => {
    expect(() => parseAttributes('model')).toThrow(
      'attributes: expected key=value pairs separated by commas, got "model"'
    );
  });

  it('parses an inline scenario and names bad JSON', () => {
    expect(parseScenario('{"horizon_seconds":60}')).toEqual({ horizon_seconds: 60 });
    expect(() => parseScenario('[1]')).toThrow(
      'scenario: must be a JSON object with horizon_seconds, step_seconds and changes'
    );
    expect(() => parseScenario('{')).toThrow(/^scenario: not valid JSON \(/);
  });

  it('requires, trims and formats', () => {
    expect(() => required(' ', 'signals', 'an entity')).toThrow('signals: choose an entity');
    expect(required(' host:a ', 'signals', 'an entity')).toBe('host:a');
    expect([optional(undefined), optional('  '), optional(' x ')]).toEqual([undefined, undefined, 'x']);
    expect([millis(60000), millis(0.2), millis(1500.6)]).toEqual(['60000', '1', '1501']);
  });
});
