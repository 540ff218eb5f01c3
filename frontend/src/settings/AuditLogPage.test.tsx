import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import { testRoot } from '../ui/testRoot'
import { AuditLogPage } from './AuditLogPage'

const t = testRoot()
afterEach(() => vi.unstubAllGlobals())

const entry = (seq: number, kind: string, text: string) => ({
  seq,
  at: '2026-12-01T10:00:00Z',
  kind,
  actor: { name: 'console', via: 'console' },
  text,
})

describe('AuditLogPage', () => {
  it('lists entries newest first, filters by kind and pages to older ones', async () => {
    const fetch = stubFetch((url) => {
      const q = new URL(url, 'http://host').searchParams
      if (q.get('kind') === 'deletion') return json(200, { entries: [entry(3, 'deletion', 'Deleted interview iv1')] })
      if (q.get('before') === '2') return json(200, { entries: [entry(1, 'sign-in', 'Signed in')] })
      return json(200, { entries: [entry(3, 'deletion', 'Deleted interview iv1'), entry(2, 'backup', 'Backed up')], next: 2 })
    })
    await act(async () => t.render(<AuditLogPage />))
    const rows = () => [...t.container.querySelectorAll('tbody tr')].map((r) => r.textContent)
    expect(rows()).toHaveLength(2)
    expect(rows()[0]).toContain('Deletion')
    expect(rows()[0]).toContain('Deleted interview iv1')

    const older = [...t.container.querySelectorAll('button')].find((b) => b.textContent === 'Older entries')!
    await act(async () => older.click())
    expect(rows()).toHaveLength(3)
    expect(rows()[2]).toContain('Sign-in')
    expect(t.container.textContent).not.toContain('Older entries')

    const select = t.container.querySelector('select')!
    await act(async () => {
      select.value = 'deletion'
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })
    expect(rows()).toEqual([expect.stringContaining('Deleted interview iv1')])
    expect(fetch.mock.calls.at(-1)?.[0]).toContain('kind=deletion')
  })
})
