// Helpers for the tests of the analysis after an interview: a spoken answer
// made with espeak-ng for the candidate's fake microphone, an interview that
// runs through question 1 while the candidate speaks, and the wait for the
// host's analysis.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview, Template } from '../src/api/types'
import { api } from './harness'
import { candidateJoins, createInterview } from './room-harness'

/**
 * A WAV file of sentence between pauses (1 s before, 2 s after), 48 kHz mono,
 * for Chromium's --use-file-for-fake-audio-capture, which loops it.
 */
export function spokenAnswer(dir: string, sentence: string): string {
  const said = join(dir, 'said.wav')
  execFileSync('espeak-ng', ['-s', '140', '-w', said, sentence])
  const voice = join(dir, 'voice.wav')
  execFileSync('sox', [said, '-r', '48000', '-c', '1', '-b', '16', voice, 'pad', '1', '2'])
  return voice
}

export const cockpit = (p: Page) => p.getByRole('complementary', { name: 'Interview cockpit' })

type Started = { interview: Interview; template: Template }

/**
 * Runs an interview from the built-in template up to question 1, lets the
 * candidate answer until the host has recorded about two rounds of the
 * sentence in that question's window, runs beforeEnd, and ends it.
 */
export async function answerQuestionOne(iv: Page, cand: Page, beforeEnd?: (s: Started) => Promise<void>): Promise<Started> {
  const { interview, template } = await createInterview(iv)
  await iv.goto(interview.interviewerLink)
  await cand.goto(interview.candidateLink)
  await candidateJoins(cand)
  await iv.getByRole('button', { name: 'Start interview' }).click()
  await cand.getByRole('region', { name: 'Video call' }).waitFor()
  await cockpit(iv).getByRole('button', { name: 'Start technical part' }).click()
  await cand.getByRole('heading', { name: `Question 1/${template.questions.length}` }).waitFor()
  const windowOpened = Date.now()
  await expect
    .poll(
      async () => {
        const { recordings } = await api<{ recordings: { participant: string; source: string; started: string; durationMs: number }[] }>(
          iv,
          'GET',
          `/api/interviews/${interview.id}/recordings`,
        )
        const mic = recordings.find((r) => r.participant === 'candidate' && r.source === 'microphone')
        return mic ? Date.parse(mic.started) + mic.durationMs - windowOpened : 0
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeGreaterThan(8000)
  await beforeEnd?.({ interview, template })
  await iv.getByRole('button', { name: 'End interview' }).click()
  await iv.getByRole('dialog', { name: 'End the interview for everyone?' }).getByRole('button', { name: 'End interview' }).click()
  return { interview, template }
}

/** The parts of an analysis these tests read (docs/api.md). */
export type AnalysisAnswer = {
  status: string
  error?: string
  transcript: { at: string; role: string; question?: number; text: string; offsetMs: number }[]
  talkTime: { role: string; question?: number; ms: number }[]
  answers: { index: number; answer: string; score: number; covered: { text: string; evidence?: string }[] }[]
  engines: { transcription: string; transcriptionQuality: string; scoring: string }
  recording?: { start: string; durationMs: number; width: number }
}

/** Waits until the interview's analysis is no longer queued or running, and returns it. */
export async function finishedAnalysis(iv: Page, id: string, timeout = 120_000): Promise<AnalysisAnswer> {
  let a: AnalysisAnswer | undefined
  await expect
    .poll(
      async () => {
        a = await api<AnalysisAnswer>(iv, 'GET', `/api/interviews/${id}/analysis`).catch(() => undefined)
        return a?.status === 'queued' || a?.status === 'running' ? undefined : a?.status
      },
      { timeout, interval: 1000 },
    )
    .toBeDefined()
  return a!
}
