/**
 * Thrown on open when the store was written by a newer collector: its schema would be
 * misread, so the collector refuses to start instead of guessing.
 */
export class StoreVersionError extends Error {
  constructor(
    /** The file path, or `postgres db@host:port`. */
    readonly where: string,
    readonly storeVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `${where}: the store is at schema version ${storeVersion}, newer than this collector knows (${knownVersion}); upgrade the collector or use another store`,
    );
    this.name = 'StoreVersionError';
  }
}
