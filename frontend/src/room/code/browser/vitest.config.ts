import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// The shared editor in real Chromium (editor.browser.ts); not part of the unit run:
//   npx vitest run --configLoader runner --config src/room/code/browser/vitest.config.ts
// (the runner loader writes no temporary files next to this config; the root is
// the frontend, so caches go to its node_modules)
export default defineConfig({
  root: resolve(import.meta.dirname, '../../../..'),
  test: {
    include: ['src/room/code/browser/editor.browser.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
