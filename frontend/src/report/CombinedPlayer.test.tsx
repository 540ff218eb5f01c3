import { act, useMemo } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { CombinedRecording } from '../api/analysis'
import { markersOf } from '../playback/markers'
import { testRoot } from '../ui/testRoot'
import { CombinedPlayer, CONVERSATION_MARKERS } from './CombinedPlayer'
import { sampleReport, sampleTimeline, T0 } from './reportFixture'
import { clockOf } from './speaking'
import { usePlayer } from './usePlayer'

const dom = testRoot()
// Rita's track started first: the candidate's chip still comes first.
const report = sampleReport()
report.voice.reverse()

function Harness({ recording, onBuild }: { recording: CombinedRecording; onBuild: (l: string) => Promise<void> }) {
  const clock = useMemo(() => clockOf(recording, report.startedAt), [recording])
  const player = usePlayer(clock)
  return (
    <CombinedPlayer
      interviewId="iv1"
      recording={recording}
      voices={report.voice}
      clock={clock}
      markers={markersOf(sampleTimeline().rows, CONVERSATION_MARKERS)}
      player={player}
      onBuild={onBuild}
    />
  )
}

const video = () => dom.container.querySelector('video')!
const speaking = () => [...dom.container.querySelectorAll('.speaker-on')].map((c) => c.textContent)
const button = (name: string) => [...dom.container.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!

/** The recording reaches s seconds, as the video element reports it. */
async function playTo(s: number) {
  await act(async () => {
    video().currentTime = s
    video().dispatchEvent(new Event('timeupdate'))
  })
}

describe('CombinedPlayer', () => {
  it('lights up whoever speaks at the recording’s moment', async () => {
    dom.render(<Harness recording={report.recording!} onBuild={async () => {}} />)
    expect([...dom.container.querySelectorAll('.speaker')].map((c) => c.textContent)).toEqual(['Olivia Diazcandidate', 'Rita Reyesinterviewer'])
    expect(speaking()).toEqual([])
    await playTo(5 + 3) // the interview's 3 s: Rita
    expect(speaking()).toEqual(['Rita Reyesinterviewer (speaking)'])
    await playTo(5 + 16) // 16 s: Olivia
    expect(speaking()).toEqual(['Olivia Diazcandidate (speaking)'])
    expect(dom.container.querySelector('.player-time')?.textContent).toBe('0:21 / 2:10')
  })

  it('marks the questions, topics and notes, and jumps to them', async () => {
    dom.render(<Harness recording={report.recording!} onBuild={async () => {}} />)
    const labels = [...dom.container.querySelectorAll('.scrubber-marker[aria-label]')].map((m) => m.getAttribute('aria-label'))
    // The scrubber counts from the recording's start, 5 s before the interview's.
    expect(labels).toEqual(['Question 1 at 0:15', 'Topic covered: Experience at 0:45', 'Question 2 at 1:05', 'Notes by Rita Reyes at 2:03'])
    await act(async () => button('Question 2 at 1:05').click())
    expect(video().currentTime).toBe(65)
    expect(dom.container.querySelector('input[type="range"]')?.getAttribute('aria-valuetext')).toBe('1:05 of 2:10')
    expect(T0).toBe(Date.parse(report.startedAt!))
  })

  it('builds the grid when asked, shows its progress, and switches once it is ready', async () => {
    const onBuild = vi.fn(async () => {})
    dom.render(<Harness recording={report.recording!} onBuild={onBuild} />)
    expect(video().getAttribute('src')).toBe('/api/interviews/iv1/recording/pip')
    await act(async () => button('Grid').click())
    expect(onBuild).toHaveBeenCalledWith('grid')
    expect(button('Grid').getAttribute('aria-pressed')).toBe('true')
    const building = { ...report.recording!, layouts: [...report.recording!.layouts, { name: 'grid' as const, status: 'building' as const, progress: 0.4 }] }
    dom.render(<Harness recording={building} onBuild={onBuild} />)
    expect(dom.container.querySelector('[role="status"]')?.textContent).toContain('Building the grid layout')
    expect(dom.container.querySelector<HTMLProgressElement>('#layout-progress')?.value).toBe(0.4)
    expect(video().getAttribute('src')).toBe('/api/interviews/iv1/recording/pip') // the other one plays meanwhile
    const ready = { ...building, layouts: [building.layouts[0]!, { name: 'grid' as const, status: 'ready' as const, progress: 1 }] }
    dom.render(<Harness recording={ready} onBuild={onBuild} />)
    expect(video().getAttribute('src')).toBe('/api/interviews/iv1/recording/grid')
    expect(dom.container.querySelector('[role="status"]')).toBeNull()
    await act(async () => button('Picture-in-picture').click())
    expect(video().getAttribute('src')).toBe('/api/interviews/iv1/recording/pip')
    expect(onBuild).toHaveBeenCalledTimes(1)
  })

  it('says why a layout failed and builds it again on request', async () => {
    const onBuild = vi.fn(async () => {})
    const failed = { ...report.recording!, layouts: [...report.recording!.layouts, { name: 'grid' as const, status: 'failed' as const, progress: 1, error: 'ffmpeg: out of memory' }] }
    dom.render(<Harness recording={failed} onBuild={onBuild} />)
    await act(async () => button('Grid').click())
    expect(onBuild).toHaveBeenCalledTimes(1)
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toContain('ffmpeg: out of memory')
    await act(async () => button('Try again').click())
    expect(onBuild).toHaveBeenCalledTimes(2)
  })
})
