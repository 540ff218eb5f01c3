import { defineConfig } from 'vitest/config'

// Measurements that drive real browsers against a real host, and the playback
// seek (`npm run bench:browser`).
// Not part of the test suite: they print numbers and assert nothing about speed.
export default defineConfig({
  test: {
    include: ['bench/**/*.measure.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
})
