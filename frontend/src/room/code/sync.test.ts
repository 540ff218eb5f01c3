import { getSyncedVersion, sendableUpdates } from '@codemirror/collab'
import { redo, undo } from '@codemirror/commands'
import { ChangeSet } from '@codemirror/state'
import { indentUnit } from '@codemirror/language'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import { CODE_LIMITS } from './channel'
import { loadLanguage } from './languages'
import { reconfigure } from './state'
import { diffText, takeBatch, textOf } from './sync'
import { closeEditor, ManualTimers, openEditor, settle, TestAuthority, type TestPeer } from './testing'

type Peer = TestPeer

const mounted: Peer[] = []

afterEach(() => {
  for (const p of mounted.splice(0)) closeEditor(p)
})

function join(host: TestAuthority, name: string, timers = new ManualTimers()): Peer {
  const peer = openEditor(host, name, { timers })
  mounted.push(peer)
  return peer
}

const text = (p: Peer) => p.view.state.doc.toString()

function insert(p: Peer, pos: number, s: string) {
  p.view.dispatch({ changes: { from: Math.min(pos, p.view.state.doc.length), insert: s }, userEvent: 'input.type' })
}

/** Delivers everything, in rounds, until nothing moves; then every peer must match the host. */
async function quiesce(peers: Peer[], timers: ManualTimers[] = []) {
  for (let round = 0; round < 1000; round++) {
    await settle()
    let moved = false
    for (const p of peers) {
      while (p.channel.deliverToHost()) moved = true
      await settle()
      while (p.channel.deliverToClient()) {
        moved = true
        await settle()
      }
    }
    if (!moved) {
      const stuck = timers.filter((t) => t.size > 0)
      if (!stuck.length) return
      for (const t of stuck) t.fireAll()
    }
  }
  throw new Error('no quiescence after 1000 rounds')
}

function expectConverged(host: TestAuthority, peers: Peer[]) {
  for (const p of peers) {
    expect({ peer: p.id, text: text(p) }).toEqual({ peer: p.id, text: host.text })
    expect({ peer: p.id, version: getSyncedVersion(p.view.state) }).toEqual({ peer: p.id, version: host.version })
    expect(sendableUpdates(p.view.state)).toHaveLength(0)
    expect(p.editor.sync.status()).toMatchObject({ pending: 0, synced: true, offline: false })
  }
}

/** Deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = ['a', 'bc', 'def', '\n', '  ', '{}', '😀', 'é', 'x\ny', '\n\n', 'fn()', '"q"']

function randomEdit(p: Peer, r: () => number) {
  const view = p.view
  const len = view.state.doc.length
  const pick = r()
  const pos = Math.floor(r() * (len + 1))
  if (pick < 0.55 || len === 0) {
    insert(p, pos, PIECES[Math.floor(r() * PIECES.length)] ?? 'z')
  } else if (pick < 0.8) {
    const to = Math.min(len, pos + 1 + Math.floor(r() * 5))
    view.dispatch({ changes: { from: Math.min(pos, to), to }, userEvent: 'delete' })
  } else if (pick < 0.9) {
    const to = Math.min(len, pos + Math.floor(r() * 4))
    view.dispatch({ changes: { from: Math.min(pos, to), to, insert: 'R' }, userEvent: 'input.type' })
  } else if (pick < 0.96) {
    undo(view)
  } else {
    redo(view)
  }
}

async function randomSession(seed: number) {
  const r = rng(seed)
  const host = new TestAuthority({ text: 'package main\n\nfunc main() {\n}\n', version: 3, keep: seed % 2 ? Infinity : 15 })
  host.ackFirst = () => r() < 0.5
  const timers = [new ManualTimers(), new ManualTimers(), new ManualTimers()]
  const peers = ['ana', 'ben', 'cy'].map((n, i) => join(host, n, timers[i]))
  const anyPeer = () => peers[Math.floor(r() * peers.length)] as Peer
  for (let step = 0; step < 400; step++) {
    const a = r()
    if (a < 0.3) randomEdit(anyPeer(), r)
    else if (a < 0.35) {
      // Everyone types at the same place at the same time.
      const pos = Math.floor(r() * 10)
      for (const p of peers) insert(p, pos, p.id[0] ?? '?')
    } else if (a < 0.6) anyPeer().channel.deliverToHost()
    else if (a < 0.9) anyPeer().channel.deliverToClient()
    else if (a < 0.93) {
      const p = anyPeer()
      if (p.channel.online) p.channel.disconnect()
    } else if (a < 0.97) {
      const p = anyPeer()
      if (!p.channel.online) p.channel.reconnect()
    } else timers[Math.floor(r() * timers.length)]?.fireAll()
    await settle()
  }
  for (const p of peers) if (!p.channel.online) p.channel.reconnect()
  await quiesce(peers, timers)
  return { host, peers }
}

describe('collab convergence with a host that refuses stale pushes', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`three editors with random concurrent edits, deliveries, disconnects end identical (seed ${seed})`, async () => {
      const { host, peers } = await randomSession(seed)
      expectConverged(host, peers)
      // Every push the host accepted stayed within the protocol's limits.
      for (const push of host.pushes) {
        expect(push.updates).toBeLessThanOrEqual(CODE_LIMITS.maxPushUpdates)
        expect(push.bytes).toBeLessThanOrEqual(CODE_LIMITS.maxPushBytes)
        expect(push.error === undefined || push.error === 'stale').toBe(true)
      }
      expect(host.pushes.some((p) => p.error === 'stale')).toBe(true)
    })
  }

  it('simultaneous inserts at one position keep everyone’s text, in the host’s order', async () => {
    const host = new TestAuthority({ text: 'ab' })
    const peers = ['p1', 'p2', 'p3'].map((n) => join(host, n))
    peers.forEach((p, i) => insert(p, 1, `[${i}]`))
    await quiesce(peers)
    expectConverged(host, peers)
    expect(host.text).toHaveLength(2 + 9)
    for (const tag of ['[0]', '[1]', '[2]']) expect(host.text).toContain(tag)
    expect(host.text.startsWith('a') && host.text.endsWith('b')).toBe(true)
  })

  it('a stale push is rebased over the others’ updates and sent again', async () => {
    const host = new TestAuthority({ text: 'x' })
    const [a, b] = [join(host, 'a'), join(host, 'b')]
    await quiesce([a, b])
    insert(a, 0, 'A')
    insert(b, 1, 'B')
    await settle()
    a.channel.deliverToHost() // accepted
    b.channel.deliverToHost() // stale
    expect(host.pushes.map((p) => p.error ?? 'ok')).toEqual(['ok', 'stale'])
    await quiesce([a, b])
    expectConverged(host, [a, b])
    expect(host.text).toBe('AxB')
  })
})

describe('reconnecting', () => {
  it('an accepted push whose ack was lost is not applied twice', async () => {
    const host = new TestAuthority({ text: '' })
    const [a, b] = [join(host, 'a'), join(host, 'b')]
    await quiesce([a, b])
    insert(a, 0, 'hello')
    await settle()
    a.channel.deliverToHost() // the host accepts…
    a.channel.disconnect() // …and the ack and echo are lost
    insert(a, 5, '!')
    await quiesce([b])
    insert(b, 0, '> ')
    await quiesce([b])
    a.channel.reconnect()
    await quiesce([a, b])
    expectConverged(host, [a, b])
    expect(host.text).toBe('> hello!')
  })

  it('a push that never arrived is sent again; edits made offline are kept', async () => {
    const host = new TestAuthority({ text: 'base' })
    const timers = new ManualTimers()
    const [a, b] = [join(host, 'a', timers), join(host, 'b')]
    await quiesce([a, b])
    a.channel.disconnect()
    insert(a, 4, ' one')
    await settle()
    expect(a.editor.sync.status()).toMatchObject({ offline: true, synced: false })
    timers.fireAll() // a retry while still offline fails again, and backs off
    await settle()
    expect(timers.size).toBe(1)
    insert(a, 0, 'two ')
    insert(b, 0, 'B:')
    await quiesce([b])
    a.channel.reconnect()
    await quiesce([a, b], [timers])
    expectConverged(host, [a, b])
    expect(host.text).toBe('B:two base one')
    expect(a.statuses.at(-1)).toEqual({ pending: 0, synced: true, offline: false })
  })

  it('a host that cannot catch us up sends a snapshot; local edits are rebased onto it', async () => {
    const host = new TestAuthority({ text: 'line\n', keep: 2 })
    const [a, b] = [join(host, 'a'), join(host, 'b')]
    await quiesce([a, b])
    a.channel.disconnect()
    insert(a, 0, 'mine ')
    for (let i = 0; i < 5; i++) insert(b, b.view.state.doc.length, `${i}`)
    await quiesce([b])
    a.channel.reconnect()
    await quiesce([a, b])
    expectConverged(host, [a, b])
    expect(host.text).toBe('mine line\n01234')
  })

  it('with nothing pending, a snapshot resets the editor and keeps its language and theme', async () => {
    const host = new TestAuthority({ text: 'one' })
    const [a, b] = [join(host, 'a'), join(host, 'b')]
    a.view.dispatch({ effects: [reconfigure.language(await loadLanguage('go')), reconfigure.theme('dark')] })
    const dom = a.view.dom
    a.channel.disconnect()
    insert(b, 3, ' two')
    await quiesce([b])
    a.channel.reconnect()
    await quiesce([a, b])
    expectConverged(host, [a, b])
    expect(a.view.dom).toBe(dom)
    expect(a.view.state.facet(indentUnit)).toBe('\t')
    expect(a.view.state.facet(EditorView.darkTheme)).toBe(true)
  })

  it('many offline edits go out in batches within the protocol limits', async () => {
    const host = new TestAuthority()
    const [a, b] = [join(host, 'a'), join(host, 'b')]
    a.channel.disconnect()
    for (let i = 0; i < 250; i++) insert(a, i, 'k')
    await settle()
    a.channel.reconnect()
    await quiesce([a, b])
    expectConverged(host, [a, b])
    const accepted = host.pushes.filter((p) => !p.error)
    expect(accepted.map((p) => p.updates)).toEqual([100, 100, 50])
  })
})

describe('large and refused changes', () => {
  it('a 100 KB paste travels as one update and reaches everyone', async () => {
    const host = new TestAuthority({ text: 'start\n' })
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(host, n))
    const big = Array.from({ length: 2200 }, (_, i) => `const value${i} = ${i} * 2 // ${'x'.repeat(20)}`).join('\n')
    expect(big.length).toBeGreaterThan(100_000)
    a!.view.dispatch({ changes: { from: 6, insert: big }, userEvent: 'input.paste' })
    await quiesce([a!, b!, c!])
    expectConverged(host, [a!, b!, c!])
    expect(host.pushes).toEqual([expect.objectContaining({ from: 'a', updates: 1 })])
    expect(host.text).toBe(`start\n${big}`)
  })

  it('a change larger than one push allows is not made, with a message', async () => {
    const host = new TestAuthority()
    const a = join(host, 'a')
    a.view.dispatch({ changes: { from: 0, insert: 'x'.repeat(600_000) }, userEvent: 'input.paste' })
    await settle()
    expect(text(a)).toBe('')
    expect(a.editor.sync.status().error).toMatch(/too large/)
  })

  it('a refused push withdraws the unconfirmed changes and says why', async () => {
    const host = new TestAuthority({ text: 'keep' })
    const [a, b] = [join(host, 'a'), join(host, 'b')]
    await quiesce([a, b])
    host.refuse = 'not allowed'
    insert(a, 4, ' nope')
    await quiesce([a, b])
    expect(text(a)).toBe('keep')
    expect(a.editor.sync.status()).toMatchObject({ pending: 0, synced: true, error: 'Your last change was undone: not allowed.' })
    host.refuse = null
    insert(a, 0, 'ok ')
    await quiesce([a, b])
    expectConverged(host, [a, b])
    expect(host.text).toBe('ok keep')
    expect(a.editor.sync.status().error).toBeUndefined()
  })
})

describe('undo with collaborators', () => {
  it('undo takes back only one’s own change, never a remote one', async () => {
    const host = new TestAuthority({ text: 'mid' })
    const [a, b] = [join(host, 'a'), join(host, 'b')]
    await quiesce([a, b])
    insert(a, 0, 'A-')
    await quiesce([a, b])
    insert(b, b.view.state.doc.length, '-B')
    await quiesce([a, b])
    expect(text(a)).toBe('A-mid-B')
    undo(a.view)
    expect(text(a)).toBe('mid-B')
    expect(undo(a.view)).toBe(false) // nothing of a's left; b's change stays
    await quiesce([a, b])
    expectConverged(host, [a, b])
    expect(host.text).toBe('mid-B')
  })
})

describe('helpers', () => {
  it('diffText finds the one changed stretch', () => {
    const cases: [string, string][] = [
      ['abc', 'abc'],
      ['abc', 'aXc'],
      ['', 'new'],
      ['old', ''],
      ['aaaa', 'aa'],
      ['line\nmore', 'line\nless\n'],
    ]
    for (const [from, to] of cases) expect(diffText(from, to).apply(textOf(from)).toString()).toBe(to)
  })

  it('takeBatch stops at the update count and the byte budget', () => {
    const small = Array.from({ length: 150 }, () => ({ clientID: 'c', changes: ChangeSet.of({ from: 0, insert: 'x' }, 0) }))
    expect(takeBatch(small)).toHaveLength(100)
    const big = Array.from({ length: 3 }, () => ({ clientID: 'c', changes: ChangeSet.of({ from: 0, insert: 'y'.repeat(200_000) }, 0) }))
    expect(takeBatch(big)).toHaveLength(2)
  })
})
