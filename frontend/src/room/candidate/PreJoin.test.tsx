import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LocalMedia } from '../media/local'
import type { Welcome } from '../protocol'
import { PreJoin } from './PreJoin'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const welcome: Welcome = {
  type: 'welcome',
  role: 'candidate',
  connection: 'c1',
  you: 'Olivia Diaz',
  interview: {
    position: 'Senior Go developer',
    candidate: 'Olivia Diaz',
    interviewers: ['Alex Recruiter', 'Sam Lee'],
    startsAt: '2026-11-24T15:00:00Z',
    durationMinutes: 45,
    technical: true,
    questionCount: 12,
    tools: { liveCode: false, whiteboard: false },
  },
  iceServers: [],
  consent: {
    version: 'v1-abc123',
    noticeTitle: 'The interviewer would like to record this interview.',
    notice: 'Video, audio and your answers are stored by the company that invited you and used only to evaluate this interview.',
    personalData: 'I agree to the processing of my personal data for this interview',
    aiAnalysis: 'I agree to the analysis of my answers by an AI system (optional)',
    aiAnalysisHint: 'The interviewer makes the decision; the AI only helps to review answers.',
    recording: 'I agree that the interview is recorded (optional)',
    recordingHint: 'If you decline, nothing of the interview is recorded; the interviewer may then take notes only.',
  },
}

let root: Root
let container: HTMLElement

beforeEach(() => {
  localStorage.clear()
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

const byText = (tag: string, text: string) =>
  [...container.querySelectorAll<HTMLElement>(tag)].find((el) => el.textContent?.includes(text))

describe('PreJoin', () => {
  it('shows the interview, and joins once personal data is agreed; AI analysis and recording are the candidate’s choice', async () => {
    const onJoin = vi.fn(async () => {})
    await act(async () => {
      root.render(<PreJoin token="tok" welcome={welcome} status="open" started={false} local={new LocalMedia()} onJoin={onJoin} />)
    })
    expect(container.querySelector('h1')?.textContent).toBe('Senior Go developer')
    expect(container.textContent).toContain('Alex Recruiter, Sam Lee')
    expect(container.textContent).toContain('45 min')
    expect(container.textContent).toContain('The interviewer would like to record this interview.')
    expect(container.textContent).not.toContain('This interview is recorded.')

    const join = byText('button', 'Join interview') as HTMLButtonElement
    const box = (id: string) => container.querySelector<HTMLInputElement>(`#consent-${id}`)!
    expect(container.querySelectorAll('input[type="checkbox"]')).toHaveLength(3)
    const recording = box('recordingNotice')
    expect(container.querySelector(`label[for="${recording.id}"]`)?.textContent).toBe('I agree that the interview is recorded (optional)')
    expect(document.getElementById(recording.getAttribute('aria-describedby')!)?.textContent).toBe(
      'If you decline, nothing of the interview is recorded; the interviewer may then take notes only.',
    )
    expect(join.disabled).toBe(true)
    expect(container.textContent).toContain('Tick the required box to join.')
    await act(async () => box('personalData').click())
    expect(join.disabled).toBe(false) // AI analysis and recording left unticked
    await act(async () => join.click())
    expect(onJoin).toHaveBeenCalledWith({ personalData: true, aiAnalysis: false, recordingNotice: false, textsVersion: 'v1-abc123' })
    expect(JSON.parse(localStorage.getItem('interviewdesk.room.consent.tok')!)).toEqual({
      personalData: true,
      aiAnalysis: false,
      recordingNotice: false,
    })
  })

  it('remembers a declined recording on this device, and an agreement as given', async () => {
    localStorage.setItem('interviewdesk.room.consent.tok', JSON.stringify({ personalData: true, aiAnalysis: true, recordingNotice: false }))
    await act(async () => {
      root.render(<PreJoin token="tok" welcome={welcome} status="open" started={false} local={new LocalMedia()} onJoin={async () => {}} />)
    })
    const box = (id: string) => container.querySelector<HTMLInputElement>(`#consent-${id}`)!
    expect([box('personalData').checked, box('aiAnalysis').checked, box('recordingNotice').checked]).toEqual([true, true, false])
    expect((byText('button', 'Join interview') as HTMLButtonElement).disabled).toBe(false)
  })

  it('cannot join while the host is unreachable', async () => {
    localStorage.setItem('interviewdesk.room.consent.tok', 'yes')
    await act(async () => {
      root.render(<PreJoin token="tok" welcome={welcome} status="reconnecting" started={false} local={new LocalMedia()} onJoin={async () => {}} />)
    })
    expect((byText('button', 'Join interview') as HTMLButtonElement).disabled).toBe(true)
    expect(container.textContent).toContain('Waiting for the connection to the interview host')
  })

  it('explains a browser without camera access instead of failing silently', async () => {
    await act(async () => {
      root.render(<PreJoin token="tok" welcome={welcome} status="open" started={false} local={new LocalMedia()} onJoin={async () => {}} />)
    })
    // happy-dom has no navigator.mediaDevices.getUserMedia.
    const alert = container.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('This browser cannot use a camera or microphone')
    expect(byText('button', 'Try again')).toBeDefined()
  })
})
