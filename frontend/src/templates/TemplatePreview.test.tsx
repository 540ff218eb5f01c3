import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Template } from '../api/types'
import { json, stubFetch } from '../api/testing'
import { testRoot } from '../ui/testRoot'
import { TemplatePreviewDialog, templateFacts } from './TemplatePreview'

const template: Template = {
  id: 'tpl1',
  name: 'Go backend engineer',
  specialization: 'Go backend',
  description: 'One hour: background, then Go.',
  durationMinutes: 60,
  plan: [
    { id: 'p1', title: 'General information', hint: 'Introduce yourself.' },
    { id: 'p2', title: 'Experience' },
  ],
  questions: [
    { id: 'q1', text: 'What is a goroutine?', alternative: 'A light thread?', expectedAnswer: 'Scheduled by the runtime.', keyPoints: ['runtime', 'cheap'] },
    { id: 'q2', text: 'Fix the race', alternative: 'Alt', expectedAnswer: 'Use a mutex.', starterCode: 'package main\n', language: 'go' },
  ],
  technical: true,
  builtIn: true,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
}

const dom = testRoot()
afterEach(() => vi.unstubAllGlobals())

async function open(onUse = vi.fn(), onClose = vi.fn()) {
  stubFetch((url) => (url === '/api/templates/tpl1' ? json(200, template) : json(404, { error: { code: 'not_found', message: 'No such template.' } })))
  dom.render(<TemplatePreviewDialog templateId="tpl1" onUse={onUse} onClose={onClose} />)
  await act(async () => {})
  return { onUse, onClose }
}

const text = () => dom.container.textContent ?? ''
const button = (name: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === name)!

describe('template preview', () => {
  it('says what the template holds', () => {
    expect(templateFacts(template)).toBe('Go backend · Technical · 2 questions · 2 topics · 1 h')
  })

  it('shows the plan and every question with its guidance, read-only', async () => {
    await open()
    expect(dom.container.querySelector('h2')?.textContent).toBe('Go backend engineer')
    const topics = [...dom.container.querySelectorAll('.preview-plan > li')].map((li) => li.textContent)
    expect(topics).toEqual(['General informationIntroduce yourself.', 'Experience'])
    const questions = [...dom.container.querySelectorAll('.preview-question')]
    expect(questions.map((li) => li.querySelector('h4')?.textContent)).toEqual(['Question 1/2', 'Question 2/2'])
    expect(questions[0]!.textContent).toContain('What is a goroutine?')
    expect(questions[0]!.textContent).toContain('A light thread?')
    expect(questions[0]!.textContent).toContain('Scheduled by the runtime.')
    expect([...questions[0]!.querySelectorAll('.preview-keypoints li')].map((li) => li.textContent)).toEqual(['runtime', 'cheap'])
    expect(questions[0]!.querySelector('pre')).toBeNull()
    expect(questions[1]!.textContent).toContain('Starter code · Go')
    expect(questions[1]!.querySelector('pre')?.textContent).toBe('package main\n')
    expect(dom.container.querySelectorAll('input, textarea, select')).toHaveLength(0)
  })

  it('uses the template, edits it, or closes', async () => {
    const { onUse, onClose } = await open()
    await act(async () => button('Use this template').click())
    expect(onUse).toHaveBeenCalledWith(template)
    expect([...dom.container.querySelectorAll('a')].find((a) => a.textContent === 'Edit')?.getAttribute('href')).toBe('#/templates/tpl1')
    await act(async () => button('Close').click())
    expect(onClose).toHaveBeenCalled()
  })

  it('says why it could not load, and retries', async () => {
    stubFetch(() => json(500, { error: { code: 'internal', message: 'The store is closed.' } }))
    dom.render(<TemplatePreviewDialog templateId="tpl1" onUse={vi.fn()} onClose={vi.fn()} />)
    await act(async () => {})
    expect(text()).toContain('Could not load the template: The store is closed.')
    expect(button('Use this template').disabled).toBe(true)
    stubFetch(() => json(200, template))
    await act(async () => button('Retry').click())
    await act(async () => {})
    expect(text()).toContain('What is a goroutine?')
  })
})
