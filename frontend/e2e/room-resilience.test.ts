// Network drops and reloads lose nothing the interviewer typed; a browser
// without WebRTC (the Linux desktop webview) keeps the cockpit and offers to
// open the room in a real browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page, WebSocketRoute } from 'playwright-core'
import type { Interview } from '../src/api/types'
import { screenshot, startHost, type Host } from './harness'
import { createInterview, openParticipant, setOrganizer, statusLine, type Participant } from './room-harness'

let host: Host
let recruiter: Participant
let interview: Interview
let iv: Page

/** The room channel through a switch: `down()` cuts it and refuses new connections until `up()`. */
type Switch = { down: () => void; up: () => void; connections: () => number }

async function switched(page: Page): Promise<Switch> {
  let blocked = false
  let count = 0
  const live = new Set<WebSocketRoute>()
  await page.routeWebSocket(/\/ws\//, (ws) => {
    if (blocked) {
      void ws.close({ code: 1006, reason: 'network down' }).catch(() => {})
      return
    }
    count++
    ws.connectToServer()
    live.add(ws)
    ws.onClose(() => live.delete(ws))
  })
  return {
    down: () => {
      blocked = true
      for (const ws of live) void ws.close({ code: 1006, reason: 'network down' }).catch(() => {})
      live.clear()
    },
    up: () => {
      blocked = false
    },
    connections: () => count,
  }
}

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  iv = recruiter.page
  await setOrganizer(iv)
  ;({ interview } = await createInterview(iv))
})

afterAll(async () => {
  await recruiter?.close()
  await host?.stop()
})

const notes = () => iv.getByRole('textbox', { name: 'Interview notes' })
const notesStatus = () => iv.locator('#notes-status')

describe('a network drop', () => {
  it('reconnects by itself, keeps typed notes in a local draft, and saves them once back — even across a reload', async () => {
    const net = await switched(iv)
    await iv.goto(interview.interviewerLink)
    await expect.poll(() => statusLine(iv).textContent()).toBe('Candidate Olivia Diaz has not joined yet')
    await notes().fill('Before the drop.')
    await expect.poll(() => notesStatus().textContent(), { timeout: 5000 }).toMatch(/^Saved · /)

    net.down()
    await iv.getByText('Connection lost.').waitFor()
    await notes().fill('Before the drop.\nTyped while offline.')
    await expect.poll(() => notesStatus().textContent(), { timeout: 5000 }).toBe('Not saved — retrying')
    await screenshot(iv, 'room-interviewer-offline')
    const draft = await iv.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('interviewdesk.room.notes.'))?.[1])
    expect(draft).toContain('Typed while offline.')

    // A reload while still offline: the draft is all there is.
    await iv.reload()
    await iv.waitForTimeout(300)
    net.up()
    await expect.poll(() => notes().inputValue(), { timeout: 15_000 }).toBe('Before the drop.\nTyped while offline.')
    await expect.poll(() => notesStatus().textContent(), { timeout: 10_000 }).toMatch(/^Saved · /)
    expect(net.connections()).toBeGreaterThanOrEqual(2)

    // The host has it: a fresh browser (no local draft) shows the same notes.
    const other = await openParticipant(host)
    try {
      await other.page.goto(interview.interviewerLink)
      await expect
        .poll(() => other.page.getByRole('textbox', { name: 'Interview notes' }).inputValue())
        .toBe('Before the drop.\nTyped while offline.')
    } finally {
      await other.close()
    }
  })

  it('the same drop in the middle of an action says the action may not have happened', async () => {
    const net = await switched(iv)
    await iv.reload()
    await expect.poll(() => statusLine(iv).textContent()).toBe('Candidate Olivia Diaz has not joined yet')
    net.down()
    await iv.getByText('Connection lost.').waitFor()
    await iv.getByRole('button', { name: 'Lock room', exact: true }).click()
    await iv.getByText(/Not connected to the interview host/).waitFor()
    net.up()
    await iv.getByRole('button', { name: 'Retry now' }).click().catch(() => {})
    await iv.getByText('Connection lost.').waitFor({ state: 'detached', timeout: 15_000 })
    await iv.getByRole('button', { name: 'Lock room', exact: true }).click()
    await iv.getByRole('button', { name: 'Unlock room', exact: true }).waitFor()
  })
})

describe('a browser without WebRTC (the Linux desktop webview)', () => {
  it('explains it, opens the room in the system browser, and keeps the cockpit working', async () => {
    const webview = await openParticipant(host, { login: true })
    try {
      await webview.page.addInitScript(() => {
        // What Debian's WebKitGTK looks like: no RTCPeerConnection, and the
        // desktop shell's native bridge.
        delete (window as unknown as Record<string, unknown>).RTCPeerConnection
        ;(window as unknown as { go: unknown }).go = {
          app: {
            Native: {
              OpenURL: async (url: string) => {
                ;(window as unknown as { opened: string }).opened = url
              },
            },
          },
        }
      })
      const page = webview.page
      await page.goto(interview.interviewerLink)
      await page.getByText('Video needs a browser with WebRTC').waitFor()
      await page.getByRole('button', { name: 'Open in browser' }).click()
      expect(await page.evaluate(() => (window as unknown as { opened?: string }).opened)).toBe(interview.interviewerLink)
      // The cockpit still works: status line, lock, notes.
      await expect.poll(() => statusLine(page).textContent()).toBe('Candidate Olivia Diaz has not joined yet')
      const lock = page.getByRole('button', { name: /^(Lock|Unlock) room$/ })
      const was = await lock.textContent()
      await lock.click()
      await expect.poll(() => lock.textContent()).toBe(was === 'Lock room' ? 'Unlock room' : 'Lock room')
      await screenshot(page, 'room-interviewer-no-webrtc')
    } finally {
      await webview.close()
    }
  })
})
