import { join, resolve } from 'node:path';

/** The reference data sets live in shared/ beside the repository; TWINOPS_SHARED_DATA overrides. */
export function sharedDataPath(...parts: string[]): string {
  const root = process.env.TWINOPS_SHARED_DATA ?? resolve(__dirname, '../../../../shared/data');
  return join(root, ...parts);
}
