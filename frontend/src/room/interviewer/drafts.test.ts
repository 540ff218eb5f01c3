import { describe, expect, it } from 'vitest'
import { DraftStore, reconcile } from './drafts'

describe('reconcile', () => {
  it('takes the host text when there is no draft', () => {
    expect(reconcile('host', undefined)).toEqual({ text: 'host', needsSave: false })
    expect(reconcile(undefined, undefined)).toEqual({ text: '', needsSave: false })
  })

  it('keeps unacknowledged local edits and saves them', () => {
    expect(reconcile('old', { text: 'old + typed offline', acked: 'old', updatedAt: 1 })).toEqual({
      text: 'old + typed offline',
      needsSave: true,
    })
    expect(reconcile(undefined, { text: 'never saved', acked: undefined, updatedAt: 1 })).toEqual({
      text: 'never saved',
      needsSave: true,
    })
  })

  it('lets the host win over a draft it had acknowledged (e.g. edited in another tab since)', () => {
    expect(reconcile('newer on host', { text: 'acked', acked: 'acked', updatedAt: 1 })).toEqual({
      text: 'newer on host',
      needsSave: false,
    })
  })
})

describe('DraftStore', () => {
  it('remembers edits and acks per id in storage', () => {
    const mem = new Map<string, string>()
    const storage = {
      getItem: (k: string) => mem.get(k) ?? null,
      setItem: (k: string, v: string) => void mem.set(k, v),
      removeItem: (k: string) => void mem.delete(k),
    }
    const a = new DraftStore('k', storage)
    a.edit('notes', 'hello')
    expect(a.get('notes')?.text).toBe('hello')
    expect(a.get('notes')?.acked).toBeUndefined()
    a.ack('notes', 'hello')
    expect(new DraftStore('k', storage).get('notes')).toMatchObject({ text: 'hello', acked: 'hello' })
    expect(a.get('other')).toBeUndefined()
  })

  it('survives broken storage', () => {
    const broken = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('full')
      },
      removeItem: () => {},
    }
    const d = new DraftStore('k', broken)
    expect(d.get('notes')).toBeUndefined()
    expect(() => d.edit('notes', 'x')).not.toThrow()
  })
})
