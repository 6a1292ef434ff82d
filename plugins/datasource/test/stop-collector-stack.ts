/** Jest global teardown: stops what collector-stack.ts started. */
export default async function stopCollectorStack(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__twinopsStack as (() => Promise<void>) | undefined)?.();
}
