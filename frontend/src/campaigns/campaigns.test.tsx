import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CampaignInput, CampaignSummary, CampaignView } from '../api/campaigns'
import { json, stubFetch } from '../api/testing'
import { testRoot } from '../ui/testRoot'
import { ToastProvider } from '../ui/toasts'
import { CampaignFormPage } from './CampaignFormPage'
import { CampaignPage } from './CampaignPage'
import { CampaignsPage } from './CampaignsPage'
import { fieldOf, generatorSummary, inputOf, newForm } from './form'
import { slotsByDay } from './state'

const view = testRoot()
let calls: { url: string; method: string; body: unknown }[]
let answer: (url: string, method: string) => Response

const summary = (over: Partial<CampaignSummary> = {}): CampaignSummary => ({
  id: 'c1', name: 'Backend spring', position: 'Backend engineer', mode: 'slots', status: 'open', state: 'open',
  seats: 20, booked: 12, registered: 13, token: 't', createdAt: '2026-11-01T10:00:00Z', link: 'https://host/apply/t', ...over,
})

const campaignView = (): CampaignView => ({
  link: 'https://host/apply/t',
  state: 'open',
  campaign: {
    id: 'c1', name: 'Backend spring', position: 'Backend engineer', templateId: 'tpl', templateName: 'Go backend',
    interviewers: [], timeZone: 'UTC', mode: 'slots', durationMinutes: 45, maxCandidates: 0, candidateChanges: true,
    changeHours: 24, status: 'open', token: 't', registered: 1, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z',
    slots: [
      { startsAt: '2099-12-07T10:00:00Z', durationMinutes: 45, capacity: 2, booked: 1 },
      { startsAt: '2099-12-07T10:45:00Z', durationMinutes: 45, capacity: 2, booked: 0 },
      { startsAt: '2099-12-08T10:00:00Z', durationMinutes: 45, capacity: 2, booked: 2 },
    ],
  },
  registrations: [
    {
      interviewId: 'iv1', campaignId: 'c1', name: 'Ana Lima', email: 'ana@example.com', startsAt: '2099-12-07T10:00:00Z',
      status: 'booked', consent: { personalData: true, aiAnalysis: true, recordingNotice: true }, timeZone: 'UTC',
      registeredAt: '2026-11-02T10:00:00Z', updatedAt: '2026-11-02T10:00:00Z', interviewStatus: 'finished', candidateId: 'cand1', score: 4.25,
    },
  ],
})

beforeEach(() => {
  calls = []
  answer = () => json(404, { error: { code: 'not_found', message: 'no' } })
  stubFetch((url, init) => {
    const method = init.method ?? 'GET'
    calls.push({ url, method, body: init.body ? JSON.parse(String(init.body)) : undefined })
    return answer(url, method)
  })
})
afterEach(() => vi.unstubAllGlobals())

const render = async (node: React.ReactNode) => {
  view.render(<ToastProvider>{node}</ToastProvider>)
  await act(async () => {})
}
const click = async (el: Element | null | undefined) => {
  if (!el) throw new Error('nothing to click')
  await act(async () => (el as HTMLElement).click())
}
const button = (name: string) =>
  [...view.container.ownerDocument.querySelectorAll('button')].find((b) => b.textContent === name || b.getAttribute('aria-label') === name)
const type = async (input: HTMLInputElement, text: string) => {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

describe('the Campaigns list', () => {
  it('shows each campaign with its state, seats, registrations and a Copy link', async () => {
    answer = (url) => (url === '/api/campaigns' ? json(200, { campaigns: [summary(), summary({ id: 'c2', name: 'Now', mode: 'now', state: 'closed', status: 'closed' })] }) : json(404, {}))
    await render(<CampaignsPage />)
    const rows = [...view.container.querySelectorAll('tbody tr')].map((r) => r.textContent)
    expect(rows[0]).toContain('Backend spring')
    expect(rows[0]).toContain('Open')
    expect(rows[0]).toContain('12 of 20 seats')
    expect(rows[0]).toContain('13')
    expect(rows[1]).toContain('Closed')
    expect(rows[1]).toContain('Interview now')
    expect(button('Copy shared link of Backend spring')).toBeDefined()
    expect(button('Reopen Now')).toBeDefined()
  })

  it('offers Create campaign when there are none', async () => {
    answer = () => json(200, { campaigns: [] })
    await render(<CampaignsPage />)
    expect(view.container.textContent).toContain('No campaigns yet.')
    expect(view.container.querySelector('.empty a[href="#/campaigns/new"]')?.textContent).toBe('Create campaign')
  })

  it('closes a campaign only after the confirmation', async () => {
    answer = (url, method) =>
      method === 'POST' && url === '/api/campaigns/c1/close' ? json(200, campaignView())
      : json(200, { campaigns: [summary()] })
    await render(<CampaignsPage />)
    await click(button('Close Backend spring'))
    expect(calls.some((c) => c.url.endsWith('/close'))).toBe(false)
    expect(document.querySelector('dialog')?.textContent).toContain('stops taking registrations')
    await click(button('Close campaign'))
    expect(calls.filter((c) => c.url === '/api/campaigns/c1/close' && c.method === 'POST')).toHaveLength(1)
  })
})

describe('the campaign form', () => {
  beforeEach(() => {
    answer = (url) => {
      if (url === '/api/templates') return json(200, { templates: [{ id: 'tpl', name: 'Go backend', durationMinutes: 45 }] })
      if (url === '/api/settings') return json(200, { organizer: { name: 'R', email: 'r@x.io' }, defaultTimeZone: 'UTC', publicUrl: '' })
      if (url === '/api/campaigns/preview')
        return json(200, { slots: campaignView().campaign.slots.map((s) => ({ ...s, booked: 0 })) })
      if (url === '/api/campaigns') return json(422, { error: { code: 'invalid', message: 'Check the fields.', fields: { name: 'Enter the campaign name.', 'rules[0]': 'Each slot has 1 to 50 seats.' } } })
      return json(404, {})
    }
  })

  it('previews the generated slots from the host before saving', async () => {
    await render(<CampaignFormPage />)
    await click(button('Preview slots'))
    const sent = calls.find((c) => c.url === '/api/campaigns/preview')!.body as CampaignInput
    expect(sent.rules?.[0]).toMatchObject({ weekdays: [1, 2, 3, 4, 5], start: '10:00', end: '16:00', minutes: 45, capacity: 1 })
    expect(view.container.textContent).toContain('3 slots, 6 seats in all.')
    expect(view.container.querySelectorAll('.slot-day')).toHaveLength(2)
  })

  it("shows the host's field messages next to the fields and focuses the first", async () => {
    await render(<CampaignFormPage />)
    await type(view.container.querySelector<HTMLInputElement>('#campaign-position')!, 'Backend engineer')
    await act(async () => view.container.querySelector('form')!.requestSubmit())
    await act(async () => {})
    expect(view.container.querySelector('#campaign-name-error')?.textContent).toBe('Enter the campaign name.')
    expect(view.container.querySelector('#campaign-rules-error')?.textContent).toBe('Each slot has 1 to 50 seats.')
    expect(document.activeElement?.id).toBe('campaign-name')
  })
})

describe('a campaign page', () => {
  it('shows the slot fill per day and each registration with its profile, interview and score', async () => {
    answer = () => json(200, campaignView())
    await render(<CampaignPage id="c1" />)
    const days = [...view.container.querySelectorAll('.slot-day-head')].map((d) => d.textContent)
    expect(days[0]).toContain('1 of 4 seats')
    expect(days[1]).toContain('2 of 2 seats')
    const row = view.container.querySelector('.registration-table tbody tr')!
    expect(row.querySelector('a[href="#/candidates/cand1"]')?.textContent).toBe('Ana Lima')
    expect(row.querySelector('a[href="#/interviews/iv1"]')?.textContent).toBe('Finished')
    expect(row.textContent).toContain('4.3 / 5')
    expect(view.container.querySelector<HTMLInputElement>('.copy-field input')?.value).toBe('https://host/apply/t')
  })
})

describe('the form model', () => {
  it('sends the generator as a rule and the kept slots as listed ones', () => {
    const f = { ...newForm('UTC', 'tpl', new Date('2026-12-01T09:00:00Z')), name: 'N', position: 'P' }
    const kept = [{ startsAt: '2026-12-20T10:00:00Z', durationMinutes: 45, capacity: 3, booked: 1 }]
    const input = inputOf({ ...f, kept })
    expect(input.rules).toEqual([{ from: '2026-12-02', to: '2026-12-15', weekdays: [1, 2, 3, 4, 5], start: '10:00', end: '16:00', minutes: 45, capacity: 1 }])
    expect(input.slots).toEqual([{ startsAt: '2026-12-20T10:00:00Z', durationMinutes: 45, capacity: 3 }])
    expect(inputOf({ ...f, mode: 'now', kept }).slots).toEqual([])
    expect(generatorSummary(f.generator)).toBe('Weekdays 10:00–16:00, 45 min')
    expect(fieldOf('interviewers[1].email')).toBe('interviewers')
    expect(fieldOf('organizer')).toBeUndefined()
  })

  it('groups slots by the day in the campaign zone', () => {
    const slots = [
      { startsAt: '2026-12-07T23:30:00Z', durationMinutes: 45, capacity: 1, booked: 0 },
      { startsAt: '2026-12-08T08:00:00Z', durationMinutes: 45, capacity: 1, booked: 1 },
    ]
    expect(slotsByDay(slots, 'UTC').map((d) => d.day)).toEqual(['2026-12-07', '2026-12-08'])
    expect(slotsByDay(slots, 'Europe/Berlin').map((d) => [d.day, d.booked, d.seats])).toEqual([['2026-12-08', 1, 2]])
  })
})
