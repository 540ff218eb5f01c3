import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'

const outDir = resolve(import.meta.dirname, 'dist')

// Go embeds frontend/dist (//go:embed all:frontend/dist), and a fresh clone must
// compile before Node ever runs, so the folder keeps a committed .gitkeep.
// emptyOutDir wipes it on every build: put it back once the bundle is written.
function keepGitkeep(): Plugin {
  return {
    name: 'interviewdesk-keep-gitkeep',
    apply: 'build',
    closeBundle() {
      mkdirSync(outDir, { recursive: true })
      writeFileSync(resolve(outDir, '.gitkeep'), '')
    },
  }
}

// `npm run dev` proxies the host's routes to a running `interviewdesk serve`
// (INTERVIEWDESK_HOST=http://127.0.0.1:PORT); open its console/login URL on the
// dev server's origin to get the session cookie.
const host = process.env.INTERVIEWDESK_HOST ?? 'http://127.0.0.1:8080'
const proxied = ['/api', '/console', '/join', '/room']

export default defineConfig({
  base: './',
  plugins: [react(), keepGitkeep()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: host, changeOrigin: true }])),
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
})
