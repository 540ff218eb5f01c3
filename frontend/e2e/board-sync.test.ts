// The whiteboard in real headless Chromium: members draw on the built
// board-test.html (served by the real host from frontend/dist, answered with the
// room page's own Content-Security-Policy) and sync through an in-test relay that
// plays the host (per id the winner by version/versionNonce; what it accepted goes
// to the other members). Every request that leaves the host's origin is aborted
// and fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { byIndex, mergeInto, type BoardElement } from '../src/room/board/sync'
import { CHROMIUM_ARGS, openBrowser, startHost, type Host } from './harness'
import { createInterview, setOrganizer } from './room-harness'

type El = BoardElement & { index?: string | null; type?: string; text?: string; x: number; y: number; height: number }
type Member = {
  id: string
  name: string
  color: string
  page: Page
  pushes: El[][]
  queue: Promise<unknown>
  /** Its connection is down: nothing goes either way. */
  offline?: boolean
}

/** Stands in for the host's board: merge rule, forwarding, pointers. */
class Relay {
  readonly board = new Map<string, El>()
  readonly members = new Map<string, Member>()

  /** Like the host: every element, in the order first seen (not z-order). */
  join(): El[] {
    return [...this.board.values()]
  }

  push(from: Member, elements: El[]) {
    if (from.offline) return
    from.pushes.push(elements)
    const accepted = mergeInto(this.board, elements)
    if (accepted.length > 0) this.others(from, { type: 'elements', elements: accepted })
  }

  pointer(from: Member, p: object) {
    if (from.offline) return
    this.others(from, { type: 'pointer', ...p, from: from.id, name: from.name, color: from.color })
  }

  gone(from: Member) {
    this.members.delete(from.id)
    this.others(from, { type: 'pointer', from: from.id, gone: true })
  }

  /** The member's connection is back: it gets the whole board again (`board`). */
  reconnect(m: Member) {
    m.offline = false
    this.send(m, { type: 'board', elements: this.join() })
  }

  private others(from: Member, msg: object) {
    for (const m of this.members.values()) if (m !== from && !m.offline) this.send(m, msg)
  }

  /** Delivers in order, one page at a time. */
  private send(m: Member, msg: object) {
    m.queue = m.queue.then(() => m.page.evaluate((x) => window.boardDeliver?.(x as never), msg)).catch(() => {})
  }

  /** id@version:nonce of every element the host holds. */
  stamps(): string[] {
    return stampsOf([...this.board.values()])
  }
}

const stampsOf = (els: readonly El[]) =>
  els.map((e) => `${e.id}@${e.version}:${e.versionNonce}${e.isDeleted ? ':deleted' : ''}`).sort()

let host: Host
let roomCsp: string
let browser: Browser
const relay = new Relay()
const offOrigin: string[] = []
const pageErrors: string[] = []
const fontAnswers: { path: string; status: number; type: string }[] = []
const contexts: BrowserContext[] = []
/** Held loads of the whiteboard chunk, per page, to see the placeholder. */
const gates = new Map<Page, Promise<void>>()

beforeAll(async () => {
  host = await startHost()
  // The room page's CSP, as the host sends it for a real candidate link.
  const console = await openBrowser(host)
  try {
    await setOrganizer(console.page)
    const { interview } = await createInterview(console.page)
    const res = await console.page.request.get(interview.candidateLink)
    roomCsp = res.headers()['content-security-policy'] ?? ''
  } finally {
    await console.close()
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  await browser?.close()
  await host?.stop()
})

/** A browser window of its own, guarded: off-origin requests are recorded and aborted. */
async function openMember(
  id: string,
  o: { name: string; color: string; query?: string; gate?: Promise<void>; listen?: boolean },
): Promise<Member> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' })
  contexts.push(context)
  context.setDefaultTimeout(15_000)
  const origin = new URL(host.url).origin
  await context.route('**/*', async (route) => {
    const req = route.request()
    const url = new URL(req.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue()
    if (url.origin !== origin) {
      offOrigin.push(req.url())
      return route.abort('blockedbyclient')
    }
    if (url.pathname === '/board-test.html') {
      const res = await route.fetch()
      return route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': roomCsp } })
    }
    const gate = gates.get(req.frame().page())
    if (gate && /\/assets\/ExcalidrawBoard-[\w-]+\.js$/.test(url.pathname)) await gate
    return route.continue()
  })
  context.on('response', (res) => {
    const path = new URL(res.url()).pathname
    if (!path.startsWith('/excalidraw/fonts/')) return
    fontAnswers.push({ path, status: res.status(), type: res.headers()['content-type'] ?? '' })
  })
  const page = await context.newPage()
  if (o.gate) gates.set(page, o.gate)
  page.on('pageerror', (err) => pageErrors.push(`${id}: ${err.message}`))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      throw new Error(`CSP refused ${e.blockedURI} (${e.violatedDirective})`)
    })
  })
  const member: Member = { id, name: o.name, color: o.color, page, pushes: [], queue: Promise.resolve() }
  if (o.listen !== false) relay.members.set(id, member)
  await page.exposeFunction('boardRelay', (msg: { type: string; elements?: El[] }) => {
    if (msg.type === 'join') return relay.join()
    if (msg.type === 'push') relay.push(member, msg.elements ?? [])
    if (msg.type === 'pointer') relay.pointer(member, msg)
    return null
  })
  await page.goto(`${host.url}/board-test.html${o.query ?? ''}`)
  return member
}

const board = (m: Member) => m.page.getByRole('region', { name: 'Whiteboard' })
const canvas = (m: Member) => m.page.locator('canvas.excalidraw__canvas.interactive')

async function boardReady(m: Member): Promise<number> {
  await m.page.waitForFunction(() => window.boardReadyAt !== undefined)
  return m.page.evaluate(() => window.boardReadyAt!)
}

const sceneOf = (m: Member) => m.page.evaluate(() => window.boardHandle!.elements() as El[])
const pointersOn = (m: Member) => m.page.evaluate(() => window.boardHandle!.pointers())

/** Waits until every member's scene is the host's board, element for element. */
async function converged(...members: Member[]) {
  await expect
    .poll(
      async () => {
        const want = relay.stamps().join('\n')
        for (const m of members) {
          const got = stampsOf(await sceneOf(m)).join('\n')
          if (got !== want) return `${m.id} has\n${got}\nhost has\n${want}`
        }
        return 'converged'
      },
      { timeout: 15_000 },
    )
    .toBe('converged')
}

/** A mouse drag on the page, in viewport coordinates. */
async function drag(m: Member, from: [number, number], to: [number, number]) {
  await m.page.mouse.move(...from)
  await m.page.mouse.down()
  await m.page.mouse.move(...to, { steps: 15 })
  await m.page.mouse.up()
}

/** Focuses the board as Tab does: Excalidraw's shortcuts work while focus is inside it. */
const focusBoard = (m: Member) => board(m).locator('.excalidraw').focus()

/** Picks a tool by its keyboard shortcut. */
async function tool(m: Member, key: string) {
  await focusBoard(m)
  await m.page.keyboard.press(key)
}

/** Starts a text at (x, y) and types; returns Excalidraw's text editor, still open. */
async function type(m: Member, x: number, y: number, text: string) {
  await tool(m, 't')
  await m.page.mouse.click(x, y)
  const editor = m.page.locator('textarea.excalidraw-wysiwyg')
  await editor.waitFor()
  await editor.pressSequentially(text)
  return editor
}

/** Picks a tool by its shortcut and drags with it. */
async function draw(m: Member, key: string, from: [number, number], to: [number, number]) {
  await tool(m, key)
  await drag(m, from, to)
}

const live = (els: El[]) => els.filter((e) => !e.isDeleted)

/** Dark pixels on the board's drawing canvas (strokes on the light background). */
const inkOf = (m: Member) =>
  m.page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.excalidraw__canvas.static')
    if (!c) return -1
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    let ink = 0
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 160 && d[i + 1]! < 160 && d[i + 2]! < 160) ink++
    return ink
  })

const deliverElements = (m: Member, elements: El[]) =>
  m.page.evaluate((els) => window.boardDeliver?.({ type: 'elements', elements: els }), elements)

let alice: Member
let bob: Member
let release: () => void

describe('the shared whiteboard in two browsers', () => {
  it('loads lazily behind a placeholder of the same size, under the room page CSP', async () => {
    expect(roomCsp).toContain("default-src 'self'")
    alice = await openMember('A', { name: 'Alex Recruiter', color: '#1971c2' })
    const aliceMs = await boardReady(alice)
    const held = new Promise<void>((r) => (release = r))
    bob = await openMember('B', { name: 'Olivia Diaz', color: '#e03131', query: '?theme=dark', gate: held })
    const status = board(bob).getByRole('status')
    await expect.poll(() => status.textContent()).toBe('Loading whiteboard…')
    const before = await board(bob).boundingBox()
    release()
    const bobMs = await boardReady(bob)
    await expect.poll(() => status.count()).toBe(0)
    expect(await board(bob).boundingBox()).toEqual(before)
    expect(await bob.page.locator('.excalidraw.theme--dark').count()).toBe(1)
    console.info(`whiteboard ready ${aliceMs.toFixed(0)} ms after navigation (no cache, loopback)`)
    console.info(`with its chunk held back until the placeholder was seen: ${bobMs.toFixed(0)} ms`)
  })

  it('offers no image tool, no library and no link to online services', async () => {
    const page = alice.page
    await page.getByRole('radio', { name: 'Rectangle' }).waitFor()
    expect(await page.locator('[data-testid="toolbar-image"]').count()).toBe(0)
    expect(await page.getByRole('checkbox', { name: 'Library' }).isVisible()).toBe(false)
    await page.getByRole('button', { name: 'Board menu' }).click()
    const menu = page.locator('.dropdown-menu')
    await menu.waitFor()
    const text = (await menu.textContent()) ?? ''
    expect(text).toContain('Export image')
    expect(text).not.toMatch(/Live collaboration|GitHub|Discord|Excalidraw\+|Sign up|Open|Save to/i)
    await page.keyboard.press('Escape')
  })

  it('two members draw at the same time and end with the same board', async () => {
    await Promise.all([
      draw(alice, 'r', [350, 250], [550, 400]),
      draw(bob, 'p', [700, 250], [900, 450]),
    ])
    await converged(alice, bob)
    const types = live(await sceneOf(alice)).map((e) => e.type).sort()
    expect(types).toEqual(['freedraw', 'rectangle'])
  })

  it('both drag the same rectangle at once: the merge rule settles it everywhere', async () => {
    const rect = live(await sceneOf(alice)).find((e) => e.type === 'rectangle')!
    await Promise.all([
      draw(alice, 'v', [350, 300], [300, 200]),
      draw(bob, 'v', [352, 300], [450, 500]),
    ])
    await converged(alice, bob)
    const moved = (await sceneOf(bob)).find((e) => e.id === rect.id)!
    expect(moved.version).toBeGreaterThan(rect.version)
  })

  it('pushes only what changed, and undo takes back only my own stroke', async () => {
    const pushedBefore = alice.pushes.length
    await draw(alice, 'o', [400, 550], [550, 650])
    await converged(alice, bob)
    const ellipse = live(await sceneOf(alice)).find((e) => e.type === 'ellipse')!
    const mine = alice.pushes.slice(pushedBefore)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((p) => p.every((e) => e.id === ellipse.id))).toBe(true)

    await draw(bob, 'a', [800, 550], [950, 650])
    await converged(alice, bob)
    const arrow = live(await sceneOf(alice)).find((e) => e.type === 'arrow')!

    await focusBoard(alice)
    await alice.page.keyboard.press('Control+z')
    await converged(alice, bob)
    const afterUndo = await sceneOf(bob)
    expect(afterUndo.find((e) => e.id === ellipse.id)?.isDeleted).toBe(true)
    expect(afterUndo.find((e) => e.id === arrow.id)?.isDeleted).toBe(false)

    await alice.page.keyboard.press('Control+Shift+z')
    await converged(alice, bob)
    expect((await sceneOf(bob)).find((e) => e.id === ellipse.id)?.isDeleted).toBe(false)
  })

  it('text, CJK included, syncs with the fonts from the host only', async () => {
    await type(alice, 700, 150, 'Hello 你好')
    await alice.page.keyboard.press('Escape')
    await converged(alice, bob)
    const text = live(await sceneOf(bob)).find((e) => e.type === 'text')
    expect(text?.text).toBe('Hello 你好')
    await expect.poll(() => fontAnswers.some((f) => f.path.includes('/Excalifont/') && f.status === 200)).toBe(true)
    for (const f of fontAnswers.filter((a) => a.status === 200)) expect(f.type).toBe('font/woff2')
    // The CJK font is left out of the build: the browser asks the host, not a CDN.
    await expect.poll(() => fontAnswers.some((f) => f.path.includes('/Xiaolai/') && f.status === 404)).toBe(true)
  })

  it('shows each member the other one’s pointer', async () => {
    await alice.page.mouse.move(620, 520, { steps: 5 })
    await expect.poll(() => pointersOn(bob)).toEqual(['A'])
    await bob.page.mouse.move(520, 420, { steps: 5 })
    await expect.poll(() => pointersOn(alice)).toEqual(['B'])
  })

  it('a remote move of the text I am typing in waits until I finish, then the board agrees', async () => {
    const editor = await type(alice, 300, 700, 'abc')
    // Bob sees the text while Alice still types, and drags it away.
    const findTyped = async () => live(await sceneOf(bob)).find((e) => e.type === 'text' && e.text === 'abc')
    await expect.poll(findTyped).toBeDefined()
    const typed = (await findTyped())!
    const box = (await canvas(bob).boundingBox())!
    const at: [number, number] = [box.x + typed.x + 5, box.y + typed.y + typed.height / 2]
    await tool(bob, 'v')
    await drag(bob, at, [at[0], at[1] + 80])
    await expect.poll(() => relay.board.get(typed.id)?.y).toBeGreaterThan(typed.y + 50)
    // Alice's board kept her copy while she typed; once she is done, the host's wins.
    expect((await sceneOf(alice)).find((e) => e.id === typed.id)?.y).toBe(typed.y)
    await editor.pressSequentially('d')
    await alice.page.keyboard.press('Escape')
    await converged(alice, bob)
    expect((await sceneOf(alice)).find((e) => e.id === typed.id)?.y).toBeGreaterThan(typed.y + 50)
  })

  it('a late, read-only member starts from the host board and sends nothing; its pointer goes when it leaves', async () => {
    // Bring the rectangle to the front: the host's order is no longer z-order.
    const rect = live(relay.join()).find((e) => e.type === 'rectangle')!
    const box = (await canvas(alice).boundingBox())!
    await tool(alice, 'v')
    await alice.page.mouse.click(box.x + rect.x + 1, box.y + rect.y + rect.height / 2)
    await alice.page.keyboard.press('Control+Shift+BracketRight')
    await expect.poll(() => byIndex(live(relay.join())).at(-1)?.id).toBe(rect.id)
    expect(relay.join().at(-1)?.id).not.toBe(rect.id)
    await converged(alice, bob)
    const late = await openMember('C', { name: 'Sam Observer', color: '#2f9e44', query: '?readonly' })
    await boardReady(late)
    await converged(alice, bob, late)
    await draw(late, 'r', [300, 700], [400, 780])
    // Alice's next stroke reaches C after anything C might have sent.
    await draw(alice, 'p', [900, 150], [1000, 200])
    await converged(alice, bob, late)
    expect(late.pushes).toEqual([])
    await late.page.mouse.move(640, 480, { steps: 5 })
    await expect.poll(() => pointersOn(alice)).toEqual(['B', 'C'])
    relay.gone(late)
    await expect.poll(() => pointersOn(alice)).toEqual(['B'])
  })

  it('after a dropped connection, the whole board comes again and each side gets what it missed', async () => {
    const arrow = () => live([...relay.board.values()]).find((e) => e.type === 'arrow')!
    const diamond = () => live([...relay.board.values()]).find((e) => e.type === 'diamond')
    const arrowBefore = arrow()
    alice.offline = true
    await draw(alice, 'd', [1050, 650], [1150, 750])
    // Meanwhile Bob moves his arrow (a change to an existing element).
    await draw(bob, 'v', [875, 600], [875, 700])
    await expect.poll(() => arrow().version).toBeGreaterThan(arrowBefore.version)
    expect(diamond()).toBeUndefined()
    relay.reconnect(alice)
    await expect.poll(diamond).toBeDefined()
    await converged(alice, bob)
  })

  it('playback shows the elements it is given, read-only, redrawn and kept in view', async () => {
    const replay = await openMember('R', { name: 'Playback', color: '#000', query: '?replay', listen: false })
    await expect.poll(() => inkOf(replay)).toBeGreaterThan(200)
    expect(await replay.page.getByRole('radio', { name: 'Rectangle' }).count()).toBe(0)
    await deliverElements(replay, [])
    await expect.poll(() => inkOf(replay)).toBe(0)
    // One rectangle far outside the first view: the replay follows it.
    const rect = live(await sceneOf(alice)).find((e) => e.type === 'rectangle')!
    await deliverElements(replay, [{ ...rect, x: rect.x + 6000, y: rect.y + 4000 }])
    await expect.poll(() => inkOf(replay)).toBeGreaterThan(200)
  })

  it('fetched nothing from off the host and threw nothing', () => {
    expect(offOrigin).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
