import { defineConfig } from 'vitest/config'

// The shared editor in real Chromium (editor.browser.ts); not part of the unit run:
//   npx vitest run --config src/room/code/browser/vitest.config.ts
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['editor.browser.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
