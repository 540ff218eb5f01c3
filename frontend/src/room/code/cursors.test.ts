import { receiveUpdates } from '@codemirror/collab'
import { ChangeSet, type EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import type { RemoteCursor } from './channel'
import { pickColor } from './colors'
import { cursorSender, remoteCursorEffect, remoteCursorField } from './cursors'
import { presenceChange, presenceWatch, summarizePeers, type PeerSummary } from './presence'
import { createCodeState } from './state'
import { closeEditor, ManualTimers, openEditor, settle, TestAuthority, type TestPeer } from './testing'

const views: EditorView[] = []
const peers: TestPeer[] = []
afterEach(() => {
  for (const v of views.splice(0)) {
    v.destroy()
    v.dom.remove()
  }
  for (const p of peers.splice(0)) closeEditor(p)
})

const fresh = (doc: string, hooks: ReturnType<typeof cursorSender>[] = []) =>
  createCodeState({ version: 0, doc, clientID: 'me', theme: 'light', readOnly: false, label: 'Code', hooks })

const withCursor = (s: EditorState, c: RemoteCursor) => s.update({ effects: remoteCursorEffect.of(c) }).state
const alex = (anchor: number, head: number): RemoteCursor => ({ from: 'c1', name: 'Alex', color: '#1c7ed6', anchor, head })
const peer = (s: EditorState, from = 'c1') => {
  const p = s.field(remoteCursorField).get(from)
  return p && { anchor: p.anchor, head: p.head }
}
const remote = (s: EditorState, changes: ChangeSet) => receiveUpdates(s, [{ clientID: 'other', changes }]).state

function mount(state: EditorState): EditorView {
  const v = new EditorView({ state, parent: document.body.appendChild(document.createElement('div')) })
  views.push(v)
  return v
}

describe('remote cursors', () => {
  it('follow local and remote changes', () => {
    let s = withCursor(fresh('hello world'), alex(6, 11))
    s = remote(s, ChangeSet.of({ from: 0, insert: '>> ' }, 11)) // before the selection
    expect(peer(s)).toEqual({ anchor: 9, head: 14 })
    s = remote(s, ChangeSet.of({ from: 14, insert: '!' }, 14)) // typed at their caret: it moves on
    expect(peer(s)).toEqual({ anchor: 9, head: 15 })
    s = s.update({ changes: { from: 0, to: 3 } }).state // local, before it
    expect(peer(s)).toEqual({ anchor: 6, head: 12 })
    s = s.update({ changes: { from: 8, insert: 'XYZ' } }).state // inside the selection: it grows
    expect(peer(s)).toEqual({ anchor: 6, head: 15 })
    s = s.update({ changes: { from: 4, to: 15 } }).state // the selected text is deleted: it collapses
    expect(peer(s)).toEqual({ anchor: 4, head: 4 })
    expect(s.doc.toString()).toBe('hell')
  })

  it('are clamped to the document, replaced on a new message, removed when gone', () => {
    let s = withCursor(fresh('abc'), alex(2, 99))
    expect(peer(s)).toEqual({ anchor: 2, head: 3 })
    s = withCursor(s, alex(-5, 1))
    expect(peer(s)).toEqual({ anchor: 0, head: 1 })
    s = withCursor(s, { from: 'c2', name: 'Sam', color: '#2b8a3e', anchor: 0, head: 0 })
    expect(s.field(remoteCursorField).size).toBe(2)
    s = withCursor(s, { from: 'c1', gone: true })
    expect([...s.field(remoteCursorField).keys()]).toEqual(['c2'])
  })

  it('never put a colour from the network into a style unless it is #rrggbb', () => {
    const s = withCursor(fresh('abc'), { ...alex(0, 1), color: 'red; background-image: url(https://evil.example/)' } as RemoteCursor)
    expect(s.field(remoteCursorField).get('c1')?.color).toBe(pickColor('c1'))
  })

  it('draw a caret with the name and a translucent selection, hidden from assistive technology', () => {
    const v = mount(withCursor(fresh('let answer = 42'), alex(4, 10)))
    const caret = v.dom.querySelector<HTMLElement>('.cm-remoteCaret')
    expect(caret?.getAttribute('aria-hidden')).toBe('true')
    expect(caret?.querySelector<HTMLElement>('.cm-remoteCaret-label')?.dataset.name).toBe('Alex')
    expect(caret?.style.borderLeftColor).toBeTruthy()
    const selection = v.dom.querySelector<HTMLElement>('.cm-remoteSelection')
    expect(selection?.textContent).toBe('answer')
    expect(selection?.getAttribute('style')).toContain('/ 0.25)')
    v.dispatch({ effects: remoteCursorEffect.of({ from: 'c1', gone: true }) })
    expect(v.dom.querySelector('.cm-remoteCaret, .cm-remoteSelection')).toBeNull()
  })
})

describe('sending my cursor', () => {
  it('sends the latest selection at most once per interval, and nothing for remote changes', () => {
    const timers = new ManualTimers()
    const sent: [number, number][] = []
    const v = mount(fresh('abcdef', [cursorSender((a, h) => sent.push([a, h]), timers)]))
    v.dispatch({ selection: { anchor: 1 } })
    v.dispatch({ selection: { anchor: 2 } })
    v.dispatch({ selection: { anchor: 1, head: 4 } })
    expect(sent).toEqual([])
    expect(timers.size).toBe(1)
    timers.fireAll()
    expect(sent).toEqual([[1, 4]])
    v.dispatch(receiveUpdates(v.state, [{ clientID: 'other', changes: ChangeSet.of({ from: 0, insert: 'zz' }, 6) }]))
    expect(timers.size).toBe(0)
    v.dispatch({ changes: { from: 0, insert: 'q' }, selection: { anchor: 1 } })
    timers.fireAll()
    expect(sent).toEqual([
      [1, 4],
      [1, 1],
    ])
  })

  it('reaches the others through the host with my name and colour, again after a reconnect', async () => {
    const host = new TestAuthority({ text: 'shared text' })
    const timers = new ManualTimers()
    const a = openEditor(host, 'conn-a', { name: 'Alex', color: '#d6336c', timers })
    const b = openEditor(host, 'conn-b', { name: 'Bo', timers })
    peers.push(a, b)
    a.view.dispatch({ selection: { anchor: 7, head: 11 } })
    timers.fireAll()
    a.channel.deliverToHost()
    while (b.channel.deliverToClient()) await settle()
    expect(b.view.state.field(remoteCursorField).get('conn-a')).toEqual({
      from: 'conn-a',
      name: 'Alex',
      color: '#d6336c',
      anchor: 7,
      head: 11,
    })
    a.channel.disconnect()
    while (b.channel.deliverToClient()) await settle()
    expect(b.view.state.field(remoteCursorField).size).toBe(0)
    // Back online, a shows its cursor again without moving it.
    a.channel.reconnect()
    while (a.channel.deliverToClient()) await settle()
    a.channel.deliverToHost()
    while (b.channel.deliverToClient()) await settle()
    expect(b.view.state.field(remoteCursorField).get('conn-a')).toMatchObject({ anchor: 7, head: 11 })
  })
})

describe('presence in words', () => {
  const summary = (from: string, name: string, line: number): PeerSummary => ({ from, name, color: '#000000', line })

  it('lists the others with the line their caret is on', () => {
    let s = fresh('one\ntwo\nthree')
    s = withCursor(s, { from: 'c2', name: 'Sam', color: '#2b8a3e', anchor: 9, head: 9 })
    s = withCursor(s, alex(0, 5))
    expect(summarizePeers(s)).toEqual([
      { from: 'c1', name: 'Alex', color: '#1c7ed6', line: 2 },
      { from: 'c2', name: 'Sam', color: '#2b8a3e', line: 3 },
    ])
  })

  it('announces arrivals and departures, not movements', () => {
    const a = summary('c1', 'Alex', 1)
    const s = summary('c2', 'Sam', 4)
    expect(presenceChange([], [a])).toBe('Alex is in the editor.')
    expect(presenceChange([], [a, s])).toBe('Alex and Sam are in the editor.')
    expect(presenceChange([a, s], [s])).toBe('Alex left the editor.')
    expect(presenceChange([a], [{ ...a, line: 9 }])).toBe('')
    expect(presenceChange([a], [s])).toBe('Sam is in the editor. Alex left the editor.')
  })

  it('tells arrivals at once and line changes at most once per interval', () => {
    const timers = new ManualTimers()
    const told: [string[], string][] = []
    const v = mount(fresh('a\nb\nc', [presenceWatch((peers, said) => told.push([peers.map((p) => `${p.name}:${p.line}`), said]), timers)]))
    v.dispatch({ effects: remoteCursorEffect.of(alex(0, 0)) })
    expect(told).toEqual([[['Alex:1'], 'Alex is in the editor.']])
    v.dispatch({ effects: remoteCursorEffect.of(alex(2, 2)) })
    v.dispatch({ effects: remoteCursorEffect.of(alex(4, 4)) })
    expect(told).toHaveLength(1)
    timers.fireAll()
    expect(told.at(-1)).toEqual([['Alex:3'], ''])
    v.dispatch({ effects: remoteCursorEffect.of({ from: 'c1', gone: true }) })
    expect(told.at(-1)).toEqual([[], 'Alex left the editor.'])
  })
})
