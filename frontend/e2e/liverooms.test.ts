// The Live Room screen as a recruiter uses it: invite a candidate to a new live
// room (the invitation arrives at a real SMTP server on loopback), watch the
// candidate arrive and wait (pushed, no reload), edit the room, share the full
// invitation, and open the interviewer room in one click. Real `interviewdesk
// serve`, real Chromium for the recruiter and for the candidate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview, LiveRoomList, RoomPresence } from '../src/api/types'
import { api, screenshot, startHost, type Host } from './harness'
import { candidateJoins, openParticipant, setOrganizer, statusLine, type Participant } from './room-harness'
import { plain, startSmtpServer, type SmtpServer } from './smtp-server'

let host: Host
let smtp: SmtpServer
let recruiter: Participant
let candidate: Participant
let page: Page

beforeAll(async () => {
  ;[host, smtp] = await Promise.all([startHost(), startSmtpServer()])
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  page = recruiter.page
  await recruiter.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url })
  await page.setViewportSize({ width: 1440, height: 900 })
  await setOrganizer(page)
  await api(page, 'PUT', '/api/settings/mail', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    fromName: 'InterviewDesk',
    fromAddress: 'hiring@example.com',
  })
  // An earlier interview with Sam Lee as an interviewer: Sam is a known interviewer now.
  const { templates } = await api<{ templates: { id: string; name: string }[] }>(page, 'GET', '/api/templates')
  const earlier = await api<Interview>(page, 'POST', '/api/interviews', {
    templateId: templates.find((t) => t.name === 'Go backend engineer')!.id,
    position: 'Platform engineer',
    candidateName: 'Ravi Kumar',
    candidateEmail: 'ravi.kumar@example.com',
    when: 'later',
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 19) + 'Z',
  })
  await api(page, 'POST', `/api/interviews/${earlier.id}/interviewers`, { name: 'Sam Lee', email: 'sam.lee@example.com' })
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
  await smtp?.close()
})

const roomOf = (name: string) => page.getByRole('article', { name })
const names = () => page.locator('#live-rooms-list article h3').allTextContents()

let olivia: Interview

describe('Live Room', () => {
  it('is in the sidebar and lists the upcoming room', async () => {
    await page.goto(new URL('/#/interviews', host.url).toString())
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live Room' }).click()
    await page.getByRole('heading', { level: 1, name: 'Live Room' }).waitFor()
    await roomOf('Ravi Kumar').waitFor()
    await page.getByText('Nobody is in a room right now.', { exact: false }).waitFor()
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Live now 0', 'Upcoming 1'])
  })

  it('invites a candidate to a new live room: the email with the link goes out at once, and the link is shown to copy', async () => {
    await page.getByRole('button', { name: 'Invite a candidate to a new live room' }).click()
    const dialog = page.getByRole('dialog', { name: 'Invite a candidate to a new live room' })
    await dialog.waitFor()
    const name = dialog.getByRole('textbox', { name: 'Candidate name' })
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true)
    // Nothing typed: the fields say what they need.
    await dialog.getByRole('button', { name: 'Create room and invite' }).click()
    await dialog.getByText('Enter the candidate’s name.').waitFor()
    await name.fill('Olivia Diaz')
    await dialog.getByRole('textbox', { name: 'Candidate email' }).fill('olivia.diaz@example.com')
    const template = dialog.getByRole('combobox', { name: 'Template' })
    const go = (await template.locator('option').allTextContents()).find((t) => t.startsWith('Go backend engineer'))!
    await template.selectOption({ label: go })
    // Left empty, the position is the template's specialization, as the hint says.
    await dialog.getByText('Optional. Left empty: “Go backend”.').waitFor()
    await dialog.getByText('Interviewers and tools (optional)').click()
    await dialog.getByRole('switch', { name: 'Whiteboard' }).click()
    await screenshot(page, 'live-rooms-invite')
    await dialog.getByRole('button', { name: 'Create room and invite' }).click()

    const ready = page.getByRole('dialog', { name: 'Live room ready for Olivia Diaz' })
    await ready.getByRole('status').filter({ hasText: /Invitation to olivia\.diaz@example\.com: Sent/ }).waitFor()
    const link = await ready.getByRole('textbox', { name: 'Candidate link' }).inputValue()
    expect(link).toMatch(/\/join\/[\w-]{20,}$/)
    const mail = smtp.received.find((m) => m.to.includes('olivia.diaz@example.com'))
    expect(mail, 'the candidate’s invitation reached the SMTP server').toBeDefined()
    expect(plain(mail!.data)).toContain(link)
    expect(plain(mail!.data)).not.toContain('/room/')
    await screenshot(page, 'live-rooms-ready')
    await ready.getByRole('button', { name: 'Done' }).click()
    await ready.waitFor({ state: 'detached' })

    const { rooms } = await api<LiveRoomList>(page, 'GET', '/api/live-rooms')
    const room = rooms.find((r) => r.candidate.email === 'olivia.diaz@example.com')!
    olivia = await api<Interview>(page, 'GET', `/api/interviews/${room.id}`)
    expect(olivia.candidateLink).toBe(link)
    expect(olivia.tools).toEqual({ liveCode: true, whiteboard: true })
    expect(olivia.position).toBe('Go backend') // the template's, as none was typed
    await roomOf('Olivia Diaz').getByText('Open since').waitFor()
    expect(await names()).toEqual(['Olivia Diaz', 'Ravi Kumar'])
  })

  it('shows the candidate waiting in the room first as they arrive, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))
    await candidate.page.goto(olivia.candidateLink)
    await candidateJoins(candidate.page)
    const live = page.getByRole('region', { name: /^Live now/ })
    const card = live.getByRole('article', { name: 'Olivia Diaz' })
    await card.getByText('Candidate waiting').waitFor()
    const members = card.getByRole('list', { name: 'In the room with Olivia Diaz' })
    expect(await members.textContent()).toMatch(/^Olivia DiazCandidate · Waiting · since .+ \(just now\)$/)
    expect(await names()).toEqual(['Olivia Diaz', 'Ravi Kumar'])
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page')
    await screenshot(page, 'live-rooms-waiting-light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshot(page, 'live-rooms-waiting-dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('finds the room by the candidate’s name from the keyboard', async () => {
    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: /Search rooms/ })
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('ravi')
    await expect.poll(names).toEqual(['Ravi Kumar'])
    await search.fill('olivia')
    await expect.poll(names).toEqual(['Olivia Diaz'])
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open interviewer room')
    await search.fill('')
  })

  it('Edit Room adds a known interviewer from the drop-down and turns Whiteboard off with Update', async () => {
    await roomOf('Olivia Diaz').getByRole('button', { name: 'Edit Room' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit Room' })
    const known = dialog.getByRole('combobox', { name: 'Known interviewers' })
    await known.waitFor()
    expect(await known.locator('option').allTextContents()).toEqual(['Sam Lee — sam.lee@example.com'])
    await known.selectOption({ label: 'Sam Lee — sam.lee@example.com' })
    await dialog.getByRole('button', { name: 'Add to room' }).click()
    const list = dialog.getByRole('list', { name: 'Interviewer list' })
    await list.getByText('sam.lee@example.com').waitFor()
    const whiteboard = dialog.getByRole('switch', { name: 'Whiteboard' })
    expect(await whiteboard.getAttribute('aria-checked')).toBe('true')
    await whiteboard.click()
    expect(await whiteboard.getAttribute('aria-checked')).toBe('false')
    await screenshot(page, 'live-rooms-edit-room')
    await dialog.getByRole('button', { name: 'Update' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Room of Olivia Diaz updated.').waitFor()

    const after = await api<Interview>(page, 'GET', `/api/interviews/${olivia.id}`)
    expect(after.interviewers.map((p) => p.email)).toEqual(['alex@example.com', 'sam.lee@example.com'])
    expect(after.tools).toEqual({ liveCode: true, whiteboard: false })
    await roomOf('Olivia Diaz').getByText('Go backend engineer · Live Code', { exact: true }).waitFor()
    // Sam gets their own invitation with their own room link.
    const sam = after.interviewers[1]!
    await expect.poll(() => smtp.received.some((m) => m.to.includes('sam.lee@example.com') && plain(m.data).includes(sam.link))).toBe(true)
  })

  it('Share Details → Copy Full Invitation copies the candidate’s invitation', async () => {
    await roomOf('Olivia Diaz').getByRole('button', { name: 'Share Details' }).click()
    const dialog = page.getByRole('dialog', { name: 'Share details' })
    const text = dialog.getByRole('textbox', { name: /Full invitation/ })
    await expect.poll(() => text.inputValue()).toContain(olivia.candidateLink)
    await dialog.getByRole('button', { name: 'Copy full invitation' }).click()
    await dialog.getByRole('status').filter({ hasText: '✓ Copied the invitation for Olivia Diaz.' }).waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await text.inputValue())
    expect(copied).not.toContain('/room/')
    await screenshot(page, 'live-rooms-share')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
  })

  it('one click opens the interviewer room, where the candidate is waiting', async () => {
    const [room] = await Promise.all([
      recruiter.context.waitForEvent('page'),
      roomOf('Olivia Diaz').getByRole('button', { name: 'Open interviewer room' }).click(),
    ])
    await room.waitForURL(olivia.interviewerLink)
    await expect.poll(() => statusLine(room).textContent()).toContain('Olivia Diaz is ready and waiting')
    // The organizer is in the room now, beside the candidate.
    const members = roomOf('Olivia Diaz').getByRole('list', { name: 'In the room with Olivia Diaz' })
    await members.getByText('Alex Recruiter').waitFor()
    await room.close()
  })
  it('removing an interviewer with Edit Room cuts their open room connection at once', async () => {
    const sam = (await api<Interview>(page, 'GET', `/api/interviews/${olivia.id}`)).interviewers[1]!
    const samRoom = await recruiter.context.newPage()
    await samRoom.goto(sam.link)
    const members = roomOf('Olivia Diaz').getByRole('list', { name: 'In the room with Olivia Diaz' })
    await members.getByText('Sam Lee').waitFor()

    await roomOf('Olivia Diaz').getByRole('button', { name: 'Edit Room' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit Room' })
    await dialog.getByRole('button', { name: 'Remove Sam Lee' }).click()
    await dialog.getByText(/in the room now is disconnected/).waitFor()
    await dialog.getByRole('button', { name: 'Update' }).click()
    await dialog.waitFor({ state: 'detached' })

    await members.getByText('Sam Lee').waitFor({ state: 'detached' })
    const presence = await api<RoomPresence>(page, 'GET', `/api/interviews/${olivia.id}/presence`)
    expect(presence.members.map((m) => m.name)).toEqual(['Olivia Diaz'])
    await samRoom.close()
  })
})
