import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, stubFetch } from '../api/testing'
import { done } from '../analysis/analysisFixture'
import { fakePush } from '../platform/fakePush'
import { PushContext } from '../platform/push'
import { testRoot } from '../ui/testRoot'
import { ToastProvider } from '../ui/toasts'
import ReportPage from './ReportPage'
import { sampleReport, sampleTimeline } from './reportFixture'

const dom = testRoot()
afterEach(() => {
  vi.unstubAllGlobals()
  delete window.go
})

async function render(answer: (url: string, init: RequestInit) => Response) {
  const fetch = stubFetch(answer)
  dom.render(
    <PushContext.Provider value={fakePush().client}>
      <ToastProvider>
        <ReportPage id="iv1" />
      </ToastProvider>
    </PushContext.Provider>,
  )
  await act(async () => {})
  return fetch
}

const host = (report = sampleReport()) => (url: string, init: RequestInit) => {
  if (url.endsWith('/timeline')) return json(200, sampleTimeline())
  if (url.endsWith('/override') && init.method === 'PUT') return json(200, done)
  return json(200, report)
}
const el = () => dom.container
const byText = (sel: string, text: string) => [...el().querySelectorAll<HTMLElement>(sel)].find((b) => b.textContent === text)!
const video = () => el().querySelector('video')!

describe('ReportPage', () => {
  it('sums the interview up: who, when, the final score with its scale and the interviewers’ rating apart', async () => {
    await render(host())
    expect(el().querySelector('h1')?.textContent).toBe('Report: Olivia Diaz')
    const summary = el().querySelector('section[aria-labelledby="summary-heading"]')!
    const figures = [...summary.querySelectorAll('.score-figure')].map((f) => f.textContent)
    expect(figures[0]).toContain('2.5 / 5')
    expect(figures[1]).toContain('3.0 / 5')
    expect(summary.textContent).toContain('Question 1: missed scheduled by the runtime')
    expect(summary.textContent).toContain('Rita Reyes')
    expect(summary.textContent).toContain('Transcript: pocketsphinx. Expect many wrong words.')
    const links = [...el().querySelectorAll<HTMLAnchorElement>('.page-actions a')].map((a) => [a.textContent, a.getAttribute('href'), a.download])
    expect(links).toEqual([
      ['Download HTML', '/api/interviews/iv1/report.html', 'Report – Olivia Diaz – 2026-12-01.html'],
      ['Download PDF', '/api/interviews/iv1/report.pdf', 'Report – Olivia Diaz – 2026-12-01.pdf'],
      ['Download recording', '/api/interviews/iv1/recording', 'Recording – Olivia Diaz – 2026-12-01.webm'],
    ])
  })

  it('plays the recording from a transcript line, a question, a timeline entry', async () => {
    await render(host())
    await act(async () => byText('button.transcript-line', 'Play from 0:15Olivia Diaza lightweight thread').click())
    expect(video().currentTime).toBe(20) // the recording starts 5 s before the interview
    await act(async () => byText('button', 'Play this answer').click())
    expect(video().currentTime).toBe(15)
    await act(async () => byText('.report-timeline button', 'Play from 0:00').click())
    expect(video().currentTime).toBe(5)
    const skipped = el().querySelectorAll('.report-question')[1]!
    expect(skipped.textContent).toContain('Skipped')
    expect(skipped.querySelector<HTMLAnchorElement>('a')?.getAttribute('href')).toBe(`#/interviews/iv1/playback?at=${Date.parse('2026-12-01T10:01:00Z')}`)
  })

  it('shows each answer’s rating, comment and evidence, and reloads after an override', async () => {
    const fetch = await render(host())
    const q1 = el().querySelector('.report-question')!
    expect(q1.textContent).toContain('Interviewers’ rating3 / 5')
    expect(q1.textContent).toContain('Knew the basics.')
    expect(q1.querySelector('.point-evidence')?.textContent).toBe('a lightweight thread')
    await act(async () => byText('button', 'Override the score').click())
    await act(async () => q1.querySelector<HTMLFormElement>('.override-form')!.requestSubmit())
    const urls = fetch.mock.calls.map(([u, i]) => `${i.method ?? 'GET'} ${u}`)
    expect(urls.filter((u) => u.startsWith('PUT'))).toHaveLength(1)
    expect(urls.filter((u) => u.endsWith('/report'))).toHaveLength(2) // loaded again with the override in it
  })

  it('in the desktop app, saves a download through the save dialog', async () => {
    const SaveDownload = vi.fn(async () => '/home/alex/Report.pdf')
    window.go = { app: { Native: { SaveDownload } as never } }
    await render(host())
    await act(async () => byText('a', 'Download PDF').click())
    expect(SaveDownload).toHaveBeenCalledWith('/api/interviews/iv1/report.pdf', 'Report – Olivia Diaz – 2026-12-01.pdf')
    expect(el().textContent).toContain('Saved /home/alex/Report.pdf')
  })

  it('lists the questions never asked in short, and says how long the interview lasted', async () => {
    const r = sampleReport()
    const unasked = { number: 3, text: 'What is a select statement for?', keyPoints: [], asked: false, onScreenMs: 0, talkTime: [] }
    await render(host(sampleReport({ questions: [...r.questions, unasked] })))
    expect(el().querySelectorAll('.report-question')).toHaveLength(2)
    const rest = el().querySelector('details.report-not-asked')!
    expect(rest.querySelector('summary')?.textContent).toBe('1 question was not asked')
    expect(rest.querySelector('li')?.textContent).toBe('What is a select statement for?')
    expect(rest.querySelector('li')?.getAttribute('value')).toBe('3')
    expect(el().textContent).toContain('lasted 2 min, 45 min planned')
  })

  it('without a recording, keeps the transcript as text', async () => {
    await render(host(sampleReport({ recording: undefined as never, files: { html: 'a.html', pdf: 'a.pdf', recording: 'a.webm' } })))
    expect(video()).toBeNull()
    expect(el().textContent).toContain('There is no combined recording of this interview')
    expect(el().querySelector('button.transcript-line')).toBeNull()
    expect(byText('.transcript-line', '0:15Olivia Diaza lightweight thread')).toBeDefined()
    expect(el().textContent).not.toContain('Download recording')
  })

  it('says the report waits for the interview’s end', async () => {
    await render(() => json(409, { error: { code: 'conflict', message: 'the report is made once the interview has ended' } }))
    expect(el().textContent).toContain('The report is made once the interview has ended')
  })
})
