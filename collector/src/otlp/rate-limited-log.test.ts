import { createRateLimitedLog } from './rate-limited-log';
import type { Logger } from '../model';

function recorder(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }, lines };
}

describe('createRateLimitedLog', () => {
  it('logs at most once per interval and reports how many lines it held back', () => {
    const { logger, lines } = recorder();
    let now = 0;
    const log = createRateLimitedLog(logger, 1000, () => now);
    log.warn('bad request', { n: 1 });
    now = 500;
    log.warn('bad request', { n: 2 });
    log.warn('bad request', { n: 3 });
    log.error('consumer failed');
    now = 1000;
    log.warn('bad request', { n: 4 });
    now = 1500;
    log.warn('bad request', { n: 5 });
    expect(lines).toEqual([
      'warn bad request {"n":1}',
      'error consumer failed {}',
      'warn bad request {"n":4,"suppressed":2}',
    ]);
  });
});
