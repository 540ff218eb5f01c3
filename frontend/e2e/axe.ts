// An automated accessibility check (axe-core, WCAG 2 A and AA rules) of a page
// in real Chromium: one line per violation and node, with what and where.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

// Evaluated through the DevTools protocol: the pages' own CSP forbids inline scripts.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

type Violation = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }

/** Runs axe on the page; returns one line per violation and node. */
export async function check(page: Page, what: string): Promise<string[]> {
  // Colours are measured once any transition (e.g. after a theme change) has ended.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => {}))),
  )
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return r.violations
  })
  return violations.flatMap((v) => v.nodes.map((n) => `${what}: ${v.id} (${v.impact}) ${v.help} at ${n.target.join(' ')}`))
}
