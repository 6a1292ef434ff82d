import { defineConfig } from 'vitest/config';

// The browser tests drive the built page in Chromium; they run in Node and import no page code.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/explorer-stack.ts'],
    // One file, one browser: the stack is shared and the frame times must not compete with a second page.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
