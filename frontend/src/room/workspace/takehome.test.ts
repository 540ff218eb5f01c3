import { describe, expect, it } from 'vitest'
import { parseServerMessage } from '../protocol'

const result = {
  id: 'r1',
  candidateId: 'c1',
  candidate: { name: 'Olivia Diaz', email: 'olivia@example.com' },
  assessment: 'Go backend take-home',
  completedAt: '2026-11-20T15:04:05Z',
  score: 82,
  maxScore: 100,
  tasks: [
    {
      title: 'Parse the access log',
      language: 'Go',
      editorLanguage: 'go',
      score: 45,
      maxScore: 50,
      timeSpentSeconds: 2520,
      code: 'package main\n',
      tests: [{ name: 'counts each path', passed: true }, { name: 'refills', passed: false, message: 'got 0' }],
    },
  ],
  source: 'results.json',
  importedAt: '2026-11-24T12:00:00Z',
  updatedAt: '2026-11-24T12:00:00Z',
}

describe('the takehome message', () => {
  it('is read with its tasks, tests and code', () => {
    const m = parseServerMessage(JSON.stringify({ type: 'takehome', result }), 'interviewer')
    expect(m.ok).toBe(true)
    if (!m.ok || m.value.type !== 'takehome') throw new Error('not a takehome message')
    const task = m.value.result.tasks[0]!
    expect(task.code).toBe('package main\n')
    expect(task.editorLanguage).toBe('go')
    expect(task.tests).toEqual([{ name: 'counts each path', passed: true }, { name: 'refills', passed: false, message: 'got 0' }])
  })

  it('is dropped with a reason when malformed', () => {
    const bad = { ...result, tasks: [{ title: 'x', score: 'high', maxScore: 5 }] }
    const m = parseServerMessage(JSON.stringify({ type: 'takehome', result: bad }), 'interviewer')
    expect(m).toEqual({ ok: false, error: 'malformed take-home result' })
  })
})
