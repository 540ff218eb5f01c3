import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { TranscriptLine } from '../api/analysis'
import { testRoot } from '../ui/testRoot'
import { TranscriptView } from './TranscriptView'

const dom = testRoot()

const lines: TranscriptLine[] = [
  { at: '2026-12-01T10:00:01Z', offsetMs: 1000, endMs: 3000, speaker: 'Rita', role: 'interviewer', text: 'welcome' },
  { at: '2026-12-01T10:00:15Z', offsetMs: 15000, endMs: 20000, speaker: 'Olivia Diaz', role: 'candidate', text: 'a lightweight thread', question: 0 },
  { at: '2026-12-01T10:01:05Z', offsetMs: 65000, endMs: 70000, speaker: 'Olivia Diaz', role: 'candidate', text: 'a typed conduit', question: 1 },
]
const questions = ['What is a goroutine?', 'What is a channel?']

const type = (input: HTMLInputElement, v: string) => {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('TranscriptView', () => {
  it('cuts the transcript per question window; a line plays the recording from its moment', async () => {
    const seek = vi.fn()
    dom.render(<TranscriptView lines={lines} questions={questions} current={1} onSeek={seek} />)
    const el = dom.container
    expect([...el.querySelectorAll('h4')].map((h) => h.textContent)).toEqual([
      'Outside the questions',
      'Question 1: What is a goroutine?',
      'Question 2: What is a channel?',
    ])
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('button.transcript-line')]
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Play from 0:01Ritawelcome',
      'Play from 0:15Olivia Diaza lightweight thread',
      'Play from 1:05Olivia Diaza typed conduit',
    ])
    expect(el.querySelector('[aria-current="time"]')).toBe(buttons[1])
    await act(async () => buttons[2]!.click())
    expect(seek).toHaveBeenCalledWith(lines[2])
  })

  it('finds lines, says how many, and says when none matches', async () => {
    dom.render(<TranscriptView lines={lines} questions={questions} />)
    const search = dom.container.querySelector<HTMLInputElement>('input[type="search"]')!
    await act(async () => type(search, 'conduit'))
    expect(dom.container.querySelectorAll('.transcript-line')).toHaveLength(1)
    expect(dom.container.querySelector('button')).toBeNull() // no recording: plain lines
    expect(dom.container.textContent).toContain('1 of 3 lines')
    await act(async () => type(search, 'zzz'))
    expect(dom.container.textContent).toContain('No line contains “zzz”.')
  })
})
