import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { holdChannel, nextCollaborators, type BoardChannel, type BoardPointer, type BoardPointerGone } from './channel'
import {
  BoardSync,
  byIndex,
  isBoardElement,
  Ledger,
  mergeInto,
  PointerSender,
  Throttle,
  wins,
  winnersById,
  nextPush,
  type BoardElement,
  type PointerState,
} from './sync'

type El = BoardElement & { index?: string | null; x?: number }
const el = (id: string, version: number, versionNonce = 100, more: Partial<El> = {}): El => ({
  id,
  version,
  versionNonce,
  ...more,
})
const stamps = (els: readonly El[]) => els.map((e) => `${e.id}@${e.version}:${e.versionNonce}`)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(0)
})
afterEach(() => vi.useRealTimers())

describe('wins (the merge rule)', () => {
  it.each([
    { a: el('x', 3, 9), b: el('x', 2, 1), want: true, why: 'higher version' },
    { a: el('x', 2, 1), b: el('x', 3, 9), want: false, why: 'lower version' },
    { a: el('x', 3, 1), b: el('x', 3, 9), want: true, why: 'tie, lower nonce' },
    { a: el('x', 3, 9), b: el('x', 3, 1), want: false, why: 'tie, higher nonce' },
    { a: el('x', 3, 5), b: el('x', 3, 5), want: false, why: 'the same element' },
  ])('$why → $want', ({ a, b, want }) => {
    expect(wins(a, b)).toBe(want)
  })
})

describe('mergeInto (the host side)', () => {
  it('keeps per id the winner and returns only what it accepted', () => {
    const store = new Map<string, El>()
    expect(stamps(mergeInto(store, [el('a', 1), el('b', 2)]))).toEqual(['a@1:100', 'b@2:100'])
    const accepted = mergeInto(store, [el('a', 1, 50), el('b', 1, 1), el('c', 1)])
    expect(stamps(accepted)).toEqual(['a@1:50', 'c@1:100'])
    expect(stamps([...store.values()])).toEqual(['a@1:50', 'b@2:100', 'c@1:100'])
  })

  it('gives the same board whatever order the pushes arrive in', () => {
    const pushes = [[el('a', 2, 7)], [el('a', 2, 3), el('b', 1)], [el('a', 1, 1), el('b', 4, 9)]]
    const boards = [pushes, [...pushes].reverse(), [pushes[1]!, pushes[0]!, pushes[2]!]].map((order) => {
      const store = new Map<string, El>()
      for (const p of order) mergeInto(store, p)
      return stamps([...store.values()].sort((x, y) => x.id.localeCompare(y.id)))
    })
    expect(boards[1]).toEqual(boards[0])
    expect(boards[2]).toEqual(boards[0])
    expect(boards[0]).toEqual(['a@2:3', 'b@4:9'])
  })
})

describe('Ledger (what changed since last sent or received)', () => {
  it('lists new elements and those whose version moved past what the host holds', () => {
    const l = new Ledger()
    l.note([el('a', 1), el('b', 5)])
    const scene = [el('a', 1), el('b', 6), el('c', 1), el('d', 1, 1, { type: 'image' })]
    expect(stamps(l.changed(scene))).toEqual(['b@6:100', 'c@1:100'])
  })

  it('does not push back an element that lost to the host copy', () => {
    const l = new Ledger()
    l.note([el('a', 4, 10)])
    expect(l.changed([el('a', 3, 1)])).toEqual([])
    expect(l.changed([el('a', 4, 20)])).toEqual([])
    expect(stamps(l.changed([el('a', 4, 5)]))).toEqual(['a@4:5'])
  })

  it('keeps the best it has seen: a stale echo does not lower it', () => {
    const l = new Ledger()
    l.note([el('a', 4)])
    l.note([el('a', 2)])
    expect(l.changed([el('a', 3)])).toEqual([])
  })
})

describe('Throttle', () => {
  it('runs at once, then at most once per interval however often asked', () => {
    const fire = vi.fn()
    const t = new Throttle(fire, 50)
    t.request()
    expect(fire).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(4)
      t.request()
    }
    expect(fire).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(10) // 50 ms after the first run
    expect(fire).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(1000)
    expect(fire).toHaveBeenCalledTimes(2)
  })

  it('soon() runs after the current task, even inside the interval', () => {
    const fire = vi.fn()
    const t = new Throttle(fire, 50)
    t.request()
    t.request()
    t.soon()
    expect(fire).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(0)
    expect(fire).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(100)
    expect(fire).toHaveBeenCalledTimes(2)
  })
})

/** A scene that mutates like Excalidraw's: same objects, bumped versions. */
function fakeBoard(initial: El[] = []) {
  const scene = initial.map((e) => ({ ...e }))
  const pushes: string[][] = []
  const sync = new BoardSync<El>({ scene: () => scene, push: (els) => pushes.push(stamps(els)) })
  sync.start(initial)
  const edit = (id: string, nonce: number) => {
    const i = scene.findIndex((e) => e.id === id)
    if (i < 0) scene.push(el(id, 1, nonce))
    else scene[i] = { ...scene[i]!, version: scene[i]!.version + 1, versionNonce: nonce }
    sync.changed(scene)
  }
  return { scene, pushes, sync, edit }
}

describe('BoardSync', () => {
  it('pushes nothing for the initial board', () => {
    const b = fakeBoard([el('a', 3), el('b', 1)])
    b.sync.changed(b.scene)
    vi.runAllTimers()
    expect(b.pushes).toEqual([])
  })

  it('coalesces a drag into ≤ 20 pushes a second, each with only the changed elements', () => {
    const b = fakeBoard([el('other', 1)])
    for (let i = 0; i < 100; i++) {
      b.edit('stroke', i) // a 60 Hz drag for 1 s
      vi.advanceTimersByTime(10)
    }
    vi.runAllTimers()
    expect(b.pushes.length).toBeLessThanOrEqual(21)
    expect(b.pushes.length).toBeGreaterThanOrEqual(19)
    expect(b.pushes.every((p) => p.length === 1 && p[0]!.startsWith('stroke@'))).toBe(true)
    expect(b.pushes.at(-1)).toEqual(['stroke@100:99'])
  })

  it('sends the end of a stroke right after pointer up, inside the interval', () => {
    const b = fakeBoard()
    b.edit('r', 1)
    expect(b.pushes).toEqual([['r@1:1']])
    vi.advanceTimersByTime(5)
    b.edit('r', 2)
    b.sync.pointerUp()
    vi.advanceTimersByTime(0)
    expect(b.pushes).toEqual([['r@1:1'], ['r@2:2']])
  })

  it('never echoes remote elements back', () => {
    const b = fakeBoard()
    const remote = [el('x', 4, 7)]
    b.scene.push({ ...remote[0]! }) // what updateScene did
    b.sync.received(remote, b.scene)
    b.sync.changed(b.scene)
    vi.runAllTimers()
    expect(b.pushes).toEqual([])
  })

  it('sets aside a winning remote element that the merge kept out, until retry', () => {
    const b = fakeBoard([el('t', 2, 5)])
    // The user is typing in t: Excalidraw kept the local t (v3) over the remote v9.
    b.scene[0] = el('t', 3, 1)
    b.sync.received([el('t', 9, 4)], b.scene)
    expect(b.sync.waiting()).toBe(true)
    expect(stamps(b.sync.retry())).toEqual(['t@9:4'])
    expect(b.sync.waiting()).toBe(false)
    // The local v3 lost at the host: pushing it would be refused, so it is not sent.
    b.sync.changed(b.scene)
    vi.runAllTimers()
    expect(b.pushes).toEqual([])
  })

  it('does not set aside a remote element that lost by the rule', () => {
    const b = fakeBoard([el('t', 2, 5)])
    b.scene[0] = el('t', 8, 1)
    b.sync.received([el('t', 3, 4)], b.scene)
    expect(b.sync.waiting()).toBe(false)
  })

  it('splits a large change (a big paste) into pushes within the limits, one per interval', () => {
    const b = fakeBoard()
    for (let i = 0; i < 4500; i++) b.scene.push(el(`e${i}`, 1, i))
    b.sync.changed(b.scene)
    expect(b.pushes.map((p) => p.length)).toEqual([2000])
    vi.advanceTimersByTime(50)
    expect(b.pushes.map((p) => p.length)).toEqual([2000, 2000])
    vi.runAllTimers()
    expect(b.pushes.map((p) => p.length)).toEqual([2000, 2000, 500])
    expect(new Set(b.pushes.flat()).size).toBe(4500)
  })

  it('does not push an element too large for the host, nor retry it until it changes', () => {
    const b = fakeBoard()
    b.scene.push({ ...el('long', 1, 1), points: Array.from({ length: 9000 }, (_, i) => [i, i]) } as El)
    b.edit('small', 2)
    vi.runAllTimers()
    expect(b.pushes).toEqual([['small@1:2']])
    b.sync.changed(b.scene)
    vi.runAllTimers()
    expect(b.pushes).toHaveLength(1)
  })

  it('after reset() to the host board, pushes again what the host missed', () => {
    const b = fakeBoard([el('a', 1)])
    b.edit('a', 7) // a@2, sent
    b.edit('n', 8) // new, sent just before the connection dropped
    vi.runAllTimers()
    b.pushes.length = 0
    // The host came back without n and with an older a.
    b.sync.reset([el('a', 1)])
    b.sync.changed(b.scene)
    vi.runAllTimers()
    expect(b.pushes).toEqual([['a@2:7', 'n@1:8']])
  })

  it('flush() sends pending changes at once (the board unmounts)', () => {
    const b = fakeBoard()
    b.edit('a', 1)
    b.edit('a', 2)
    b.sync.flush()
    expect(b.pushes).toEqual([['a@1:1'], ['a@2:2']])
  })
})

describe('nextPush', () => {
  const limits = { elements: 3, bytes: 100, element: 50, envelope: 10 }
  const sized = (id: string, chars: number) => ({ id, pad: 'x'.repeat(chars) })
  const ids = (els: { id: string }[]) => els.map((e) => e.id)

  it('takes at most the element limit and says more are left', () => {
    const els = ['a', 'b', 'c', 'd'].map((id) => sized(id, 1))
    const next = nextPush(els, limits)
    expect(ids(next.push)).toEqual(['a', 'b', 'c'])
    expect(next.more).toBe(true)
    expect(nextPush(els.slice(0, 3), limits).more).toBe(false)
  })

  it('stops before the JSON would pass the byte limit, counting UTF-8 bytes', () => {
    expect(ids(nextPush([sized('a', 20), sized('b', 20), sized('c', 20)], limits).push)).toEqual(['a', 'b'])
    const wide = [
      { id: 'a', t: '你'.repeat(10) }, // 47 bytes of JSON, not 27 characters
      { id: 'b', t: '你'.repeat(10) },
    ]
    expect(ids(nextPush(wide, { ...limits, bytes: 70 }).push)).toEqual(['a'])
  })

  it('leaves out an element the host would refuse for its size, so it does not sink the push', () => {
    const next = nextPush([sized('a', 1), sized('huge', 200), sized('b', 1)], limits)
    expect(ids(next.push)).toEqual(['a', 'b'])
    expect(ids(next.tooLarge)).toEqual(['huge'])
  })
})

describe('PointerSender', () => {
  const at = (x: number, button: PointerState['button'] = 'up'): PointerState => ({ x, y: 0, button, tool: 'pointer' })

  it('sends the latest position at most every 50 ms and button changes at once', () => {
    const sent: string[] = []
    const p = new PointerSender((s) => sent.push(`${s.x}${s.button}`))
    for (let x = 0; x < 10; x++) {
      p.update(at(x))
      vi.advanceTimersByTime(10)
    }
    p.update(at(10, 'down'))
    vi.runAllTimers()
    expect(sent).toEqual(['0up', '4up', '9up', '10down'])
  })

  it('sends nothing when the pointer did not move', () => {
    const sent: PointerState[] = []
    const p = new PointerSender((s) => sent.push(s))
    p.update(at(1))
    vi.advanceTimersByTime(100)
    p.update(at(1))
    vi.runAllTimers()
    expect(sent).toHaveLength(1)
  })
})

describe('byIndex', () => {
  it('orders by fractional index, then id, elements without an index last', () => {
    const els = [
      el('c', 1, 1, { index: 'a2' }),
      el('n', 1, 1, { index: null }),
      el('b', 1, 1, { index: 'a1' }),
      el('a', 1, 1, { index: 'a1' }),
    ]
    expect(byIndex(els).map((e) => e.id)).toEqual(['a', 'b', 'c', 'n'])
  })
})

describe('winnersById', () => {
  it('keeps one element per id, the winner, in first-seen order', () => {
    const got = winnersById([el('a', 1), el('b', 1), el('a', 3, 9), el('a', 3, 2), el('b', 1, 500)])
    expect(stamps(got)).toEqual(['a@3:2', 'b@1:100'])
  })
})

describe('isBoardElement', () => {
  it.each([
    [{ id: 'a', version: 1, versionNonce: 2 }, true],
    [{ id: 'a', version: '1', versionNonce: 2 }, false],
    [{ version: 1, versionNonce: 2 }, false],
    [null, false],
    ['a', false],
  ])('%j → %s', (v, want) => expect(isBoardElement(v)).toBe(want))
})

describe('nextCollaborators', () => {
  it('adds, moves and removes remote pointers, always as a new Map', () => {
    const olivia = { from: 'c1', name: 'Olivia', color: '#e03131' }
    const a = nextCollaborators(new Map(), { ...olivia, x: 1, y: 2, button: 'down', tool: 'laser' })
    expect(a.get('c1')).toEqual({
      id: 'c1',
      socketId: 'c1',
      username: 'Olivia',
      color: { background: '#e03131', stroke: '#e03131' },
      pointer: { x: 1, y: 2, tool: 'laser' },
      button: 'down',
    })
    const b = nextCollaborators(a, { ...olivia, x: 5, y: 6, button: 'up', tool: 'pointer' })
    expect(b).not.toBe(a)
    expect(b.get('c1')?.pointer).toEqual({ x: 5, y: 6, tool: 'pointer' })
    expect(nextCollaborators(b, { from: 'c1', gone: true }).size).toBe(0)
  })
})

describe('holdChannel', () => {
  function source() {
    const els = new Set<(e: readonly unknown[]) => void>()
    const ptrs = new Set<(p: BoardPointer | BoardPointerGone) => void>()
    const pushed: unknown[] = []
    const ch: BoardChannel = {
      push: (e) => pushed.push(...e),
      onElements: (fn) => (els.add(fn), () => void els.delete(fn)),
      sendPointer: () => {},
      onPointer: (fn) => (ptrs.add(fn), () => void ptrs.delete(fn)),
    }
    return {
      ch,
      pushed,
      emitEls: (e: unknown[]) => els.forEach((fn) => fn(e)),
      emitPtr: (p: BoardPointer | BoardPointerGone) => ptrs.forEach((fn) => fn(p)),
      listeners: () => els.size + ptrs.size,
    }
  }
  const ptr = (from: string, x: number): BoardPointer => ({
    from,
    name: from,
    color: '#000',
    x,
    y: 0,
    button: 'up',
    tool: 'pointer',
  })

  it('hands over every batch and the latest pointer per member that came before the board listened', () => {
    const s = source()
    const held = holdChannel(s.ch)
    s.emitEls([el('a', 1)])
    s.emitEls([el('b', 1)])
    s.emitPtr(ptr('m1', 1))
    s.emitPtr(ptr('m1', 2))
    s.emitPtr({ from: 'm2', gone: true })
    const got: unknown[][] = []
    const ptrs: unknown[] = []
    held.onElements((e) => got.push([...e]))
    held.onPointer((p) => ptrs.push(p))
    expect(got).toEqual([[el('a', 1)], [el('b', 1)]])
    expect(ptrs).toEqual([ptr('m1', 2), { from: 'm2', gone: true }])
    s.emitEls([el('c', 1)])
    expect(got).toHaveLength(3)
  })

  it('keeps only the latest whole board and the batches after it', () => {
    const s = source()
    let onBoard: ((e: readonly unknown[]) => void) | undefined
    const held = holdChannel({ ...s.ch, onBoard: (fn) => ((onBoard = fn), () => {}) })
    s.emitEls([el('old', 1)])
    onBoard!([el('a', 1)])
    onBoard!([el('a', 2)])
    s.emitEls([el('after', 1)])
    const seen: string[] = []
    held.onBoard((e) => seen.push(`board ${stamps(e as El[])}`))
    held.onElements((e) => seen.push(`elements ${stamps(e as El[])}`))
    expect(seen).toEqual(['board a@2:100', 'elements after@1:100'])
  })

  it('holds again after the board unsubscribes, and close() lets go of the source', () => {
    const s = source()
    const held = holdChannel(s.ch)
    const first: unknown[] = []
    const off = held.onElements((e) => first.push(...e))
    off()
    s.emitEls([el('a', 1)])
    expect(first).toEqual([])
    const second: unknown[] = []
    held.onElements((e) => second.push(...e))
    expect(second).toEqual([el('a', 1)])
    held.push([el('z', 1)])
    expect(s.pushed).toEqual([el('z', 1)])
    held.close()
    expect(s.listeners()).toBe(0)
  })
})
