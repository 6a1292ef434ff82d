import { createLogger } from './logger';

describe('createLogger', () => {
  it('writes events at or above its level with their fields', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.debug('hidden');
    logger.info('listening', { endpoint: '127.0.0.1:4318' });
    logger.error('failed', { reason: 'two words' });
    expect(lines.map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'info  listening endpoint=127.0.0.1:4318\n',
      'error failed reason="two words"\n',
    ]);
  });
});
