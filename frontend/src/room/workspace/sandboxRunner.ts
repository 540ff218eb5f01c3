// This browser as the room's code runner: the sandbox (room/run), loaded on
// first use.

import type { CodeRunner } from './store'

/** Languages the sandbox runs (room/run's BROWSER_LANGUAGES, without loading it). */
const LANGUAGES = ['javascript', 'typescript', 'python', 'sql'] as const
type Language = (typeof LANGUAGES)[number]
const runs = (l: string): l is Language => (LANGUAGES as readonly string[]).includes(l)

export function sandboxRunner(): CodeRunner {
  let sandbox: Promise<import('../run').Sandbox> | undefined
  const get = () => (sandbox ??= import('../run').then((m) => new m.Sandbox()))
  return {
    languages: LANGUAGES,
    async run(language, code, opts) {
      if (!runs(language)) return { status: 'crashed', exitCode: -1, durationMs: 0, error: `${language} does not run in the browser.` }
      const s = await get()
      const res = await s.run(language, code, opts)
      return { status: res.status, exitCode: res.exitCode, durationMs: res.durationMs, ...(res.error ? { error: res.error } : {}) }
    },
    prepare(language) {
      if (runs(language)) void get().then((s) => s.prepare(language).catch(() => {}))
    },
    stop() {
      void sandbox?.then((s) => s.stop())
    },
  }
}
