import { createAuditLog } from './audit-log';
import type { AuditEntry } from './audit-log';

const entry = (action: string): AuditEntry => ({ time: 't', simulatedEpochSeconds: 0, caller: 'demo', action, arguments: {}, result: { status: 200 } });

describe('createAuditLog', () => {
  it('keeps the last `limit` entries, oldest first', () => {
    const log = createAuditLog(2);
    ['a', 'b', 'c'].forEach((a) => log.add(entry(a)));
    expect(log.list().map((e) => e.action)).toEqual(['b', 'c']);
  });

  it.each([0, 1.5, -1])('rejects limit %p', (limit) => {
    expect(() => createAuditLog(limit)).toThrow(`auditLimit: must be a positive integer, got ${limit}`);
  });
});
