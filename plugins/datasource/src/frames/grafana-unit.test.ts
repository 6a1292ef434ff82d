import { grafanaUnit } from './grafana-unit';

describe('grafanaUnit', () => {
  it.each([
    ['s', '', 's'],
    ['ms', '', 'ms'],
    ['W', 'hw.host.power', 'watt'],
    ['Cel', 'hw.temperature', 'celsius'],
    ['By', 'system.memory.usage', 'bytes'],
    ['By/s', '', 'Bps'],
    ['%', '', 'percent'],
    ['kWh', '', 'kwatth'],
    ['{request}/s', 'service.requests_per_second', 'reqps'],
    ['1', 'system.cpu.utilization', 'percentunit'],
    ['1', 'service.error_ratio', 'percentunit'],
    ['1', 'process.threads', 'none'],
    ['{span}/s', 'spans.received.rate', 'suffix: span/s'],
    ['{span}', 'spans.received', 'short'],
    ['m3/s', 'airflow', 'suffix: m3/s'],
  ])('%s (%s) → %s', (unit, name, expected) => {
    expect(grafanaUnit(unit, name)).toBe(expected);
  });

  it('leaves an empty unit unset', () => {
    expect(grafanaUnit('')).toBeUndefined();
  });
});
