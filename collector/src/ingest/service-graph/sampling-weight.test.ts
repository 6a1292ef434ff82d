import { createSamplingWeight, tracestateProbability } from './sampling-weight';

describe('tracestateProbability', () => {
  it.each([
    ['ot=th:0', 1],
    ['ot=th:8', 0.5],
    ['ot=th:c', 0.25],
    ['ot=th:4', 0.75],
    ['ot=th:fd70a4', 0.009999990463256836],
    ['ot=th:ffffffffffffff', 2 ** -56],
    ['vendor=x,ot=rv:abcdef01234567;th:8', 0.5],
    [' ot=th:c;x:1 , other=y', 0.25],
  ])('%s -> %p', (state, probability) => {
    expect(tracestateProbability(state)).toBe(probability);
  });

  it.each(['', 'vendor=th:8', 'ot=rv:1234', 'ot=th:', 'ot=th:G', 'ot=th:8000000000000000', 'ot=th:C'])(
    'gives undefined for %p',
    (state) => expect(tracestateProbability(state)).toBeUndefined(),
  );
});

describe('createSamplingWeight', () => {
  it('scales by the inverse of the tracestate probability', () => {
    const weight = createSamplingWeight('');
    expect(weight('ot=th:8', {}, {})).toBe(2);
    expect(weight('ot=th:8', {}, {})).toBe(2);
    expect(weight('ot=th:c', {}, {})).toBe(4);
    expect(weight('', {}, {})).toBe(1);
    expect(weight('ot=th:zz', {}, {})).toBe(1);
    expect(weight('ot=th:8', { 'sampling.probability': 0.1 }, {})).toBe(2);
  });

  it('reads the configured attribute from the span, then the resource, before the tracestate', () => {
    const weight = createSamplingWeight('sampling.probability');
    expect(weight('ot=th:8', { 'sampling.probability': 0.25 }, {})).toBe(4);
    expect(weight('', {}, { 'sampling.probability': 0.5 })).toBe(2);
    expect(weight('', { 'sampling.probability': '0.125' }, {})).toBe(8);
    expect(weight('', { 'sampling.probability': 0.2 }, { 'sampling.probability': 0.5 })).toBe(5);
  });

  it.each([0, -0.5, 1.5, 'abc', '', true, null])('ignores the attribute value %p', (value) => {
    const weight = createSamplingWeight('p');
    expect(weight('ot=th:c', { p: value }, {})).toBe(4);
    expect(weight('', { p: value }, {})).toBe(1);
  });
});
