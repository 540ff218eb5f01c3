// Builds what the end-to-end tests run: the console (vite build → dist, which the
// Go binary embeds) and the Go binary itself, once per run.
//   INTERVIEWDESK_BIN=/path/to/interviewdesk  use a prebuilt binary (no builds)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    interviewdeskBin: string
  }
}

const frontend = resolve(import.meta.dirname, '..')
const repo = resolve(frontend, '..')

export default function setup(project: TestProject) {
  const prebuilt = process.env.INTERVIEWDESK_BIN
  if (prebuilt) {
    project.provide('interviewdeskBin', resolve(prebuilt))
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-bin-'))
  const bin = join(dir, 'interviewdesk')
  execFileSync(process.execPath, [join(frontend, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: frontend,
    stdio: 'inherit',
  })
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: repo, stdio: 'inherit' })
  project.provide('interviewdeskBin', bin)
  return () => rmSync(dir, { recursive: true, force: true })
}
