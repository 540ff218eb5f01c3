import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Interview } from '../api/types'
import { fakePush } from '../platform/fakePush'
import { PushContext } from '../platform/push'
import { formatBytes, formatClock, participantLabel, RecordingsPanel } from './RecordingsPanel'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const iv = { id: 'iv1', candidate: { name: 'Olivia Diaz', email: 'o@example.com' } } as unknown as Interview
let root: Root | undefined
let container: HTMLElement | undefined
let push: ReturnType<typeof fakePush>
let gets: number

afterEach(() => {
  if (root) act(() => root!.unmount())
  container?.remove()
  vi.unstubAllGlobals()
})

async function render(recordings: unknown, ...later: unknown[]) {
  const answers = [recordings, ...later]
  gets = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ recordings: answers[Math.min(gets++, answers.length - 1)] }), { status: 200 })),
  )
  push = fakePush()
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () =>
    root!.render(
      <PushContext.Provider value={push.client}>
        <RecordingsPanel interview={iv} />
      </PushContext.Provider>,
    ),
  )
  await act(async () => {})
  return container
}

const rec = (over: Record<string, unknown>) => ({
  name: 'candidate-camera-1.webm',
  participant: 'candidate',
  source: 'camera',
  kind: 'video',
  codec: 'vp8',
  bytes: 12_400_000,
  durationMs: 332_000,
  started: '2026-11-24T14:05:00Z',
  active: false,
  finalised: true,
  url: '/api/interviews/iv1/recordings/candidate-camera-1.webm',
  ...over,
})

describe('recordings panel', () => {
  it('says when there is nothing yet', async () => {
    const c = await render([])
    expect(c.textContent).toContain('No recordings yet. The call is recorded once it starts.')
  })

  it('plays video in <video> and audio in <audio> from the same-origin URL', async () => {
    const c = await render([
      rec({ name: 'interviewer-1a2b3c4d-microphone-1.webm', participant: 'interviewer-1a2b3c4d', source: 'microphone', kind: 'audio', codec: 'opus', url: '/api/interviews/iv1/recordings/interviewer-1a2b3c4d-microphone-1.webm' }),
      rec({}),
    ])
    const video = c.querySelector('video')!
    const audio = c.querySelector('audio')!
    expect(video.getAttribute('src')).toBe('/api/interviews/iv1/recordings/candidate-camera-1.webm')
    expect(video.getAttribute('aria-label')).toBe('Recording: Olivia Diaz (candidate), camera')
    expect(audio.getAttribute('src')).toBe('/api/interviews/iv1/recordings/interviewer-1a2b3c4d-microphone-1.webm')
    // The candidate first.
    const titles = [...c.querySelectorAll('.recording-title')].map((e) => e.textContent)
    expect(titles).toEqual(['Olivia Diaz (candidate) · Camera', 'Interviewer 1a2b3c4d · Microphone'])
    expect(c.textContent).toContain('VP8 · 12.4 MB · 5:32')
    expect(c.textContent).toContain('OPUS')
  })

  it('marks files being written and files cut off', async () => {
    const c = await render([rec({ active: true, finalised: false, durationMs: 0 }), rec({ name: 'b.webm', finalised: false })])
    expect(c.textContent).toContain('● Recording')
    expect(c.textContent).toContain('in progress')
    expect(c.textContent).toContain('Cut off')
  })

  it('reloads when the host says the recordings changed or grew', async () => {
    const c = await render([rec({ active: true, finalised: false, durationMs: 0, bytes: 850_000 })], [
      rec({ active: true, finalised: false, durationMs: 0, bytes: 2_500_000 }),
    ])
    expect(c.textContent).toContain('850 KB')
    await act(async () => push.emit({ type: 'recordings', interviewId: 'iv2' }))
    expect(gets).toBe(1)
    await act(async () => push.emit({ type: 'recordings', interviewId: 'iv1' }))
    await act(async () => {})
    expect(gets).toBe(2)
    expect(c.textContent).toContain('2.5 MB')
  })

  it('formats sizes, lengths and participants', () => {
    expect([0, 850, 850_000, 12_400_000, 2_500_000_000].map(formatBytes)).toEqual(['0 KB', '1 KB', '850 KB', '12.4 MB', '2.50 GB'])
    expect([0, 42_000, 332_000, 3_723_000].map(formatClock)).toEqual(['0:00', '0:42', '5:32', '1:02:03'])
    expect(participantLabel('candidate', iv)).toBe('Olivia Diaz (candidate)')
    expect(participantLabel('interviewer-1a2b3c4d', iv)).toBe('Interviewer 1a2b3c4d')
    expect(participantLabel('someone', iv)).toBe('someone')
    expect(participantLabel('interviewer-1a2b3c4d', iv, 'Ivan Petrov')).toBe('Ivan Petrov (interviewer)')
  })
})
