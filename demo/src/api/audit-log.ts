/** One API call as the audit trail keeps it. */
export interface AuditEntry {
  /** Real time of the call (ISO 8601). */
  time: string;
  /** Simulated Unix time when the call acted. */
  simulatedEpochSeconds: number;
  /** The token's name, `anonymous` without a token, `invalid` with a wrong one. */
  caller: string;
  /** e.g. `fault.inject`, `actuator.migrate`. */
  action: string;
  arguments: Record<string, unknown>;
  result: { status: number; code?: string; message?: string; faultId?: string };
}

export interface AuditLog {
  add(entry: AuditEntry): void;
  /** Oldest first. */
  list(): AuditEntry[];
}

/** Keeps the last `limit` entries in memory: enough to see what remediation did, bounded. */
export function createAuditLog(limit: number): AuditLog {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`auditLimit: must be a positive integer, got ${limit}`);
  const entries: AuditEntry[] = [];
  return {
    add(entry) {
      entries.push(entry);
      if (entries.length > limit) entries.splice(0, entries.length - limit);
    },
    list: () => entries.slice(),
  };
}
