import { describe, expect, it } from 'vitest'
import type { Template } from '../api/types'
import { kindLabel, matchesTemplate } from './TemplateListPage'
import { ApiError } from '../api/client'
import { splitSaveError } from '../ui/useFieldErrors'
import { STARTER_CODE_MAX } from '../validation/rules'
import { starterSummary } from './QuestionsEditor'
import {
  checkDraft,
  draftSignature,
  exportFileName,
  fieldPath,
  firstLine,
  fromDraft,
  itemErrorCount,
  keepKeys,
  keysWithErrors,
  move,
  questionKind,
  toDraft,
} from './templateForm'

const template: Template = {
  id: 'tpl1',
  name: 'Go backend engineer',
  specialization: 'Go backend',
  description: 'Plan plus questions.',
  durationMinutes: 60,
  plan: [
    { id: 'p1', title: 'General information', hint: 'Introductions.' },
    { id: 'p2', title: 'Experience' },
  ],
  questions: [
    { id: 'q1', text: 'Buffered vs unbuffered?', alternative: 'Channels…', expectedAnswer: 'Blocking…', keyPoints: ['blocks'] },
  ],
  technical: true,
  builtIn: true,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
}

describe('move', () => {
  it('moves an item up and down', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
  })

  it('leaves the ends alone and never mutates', () => {
    const list = ['a', 'b']
    expect(move(list, 0, -1)).toEqual(['a', 'b'])
    expect(move(list, 1, 1)).toEqual(['a', 'b'])
    expect(move(list, 5, -1)).toEqual(['a', 'b'])
    expect(list).toEqual(['a', 'b'])
  })
})

describe('draft conversion', () => {
  it('round-trips a template, keeping ids', () => {
    const body = fromDraft(toDraft(template))
    expect(body).toEqual({
      name: 'Go backend engineer',
      specialization: 'Go backend',
      description: 'Plan plus questions.',
      durationMinutes: 60,
      plan: [
        { id: 'p1', title: 'General information', hint: 'Introductions.' },
        { id: 'p2', title: 'Experience' },
      ],
      questions: [
        { id: 'q1', text: 'Buffered vs unbuffered?', alternative: 'Channels…', expectedAnswer: 'Blocking…', keyPoints: ['blocks'] },
      ],
    })
  })

  it('sees a reorder as a change', () => {
    const d = toDraft(template)
    const before = draftSignature(d)
    expect(draftSignature({ ...d, plan: move(d.plan, 1, -1) })).not.toBe(before)
    expect(draftSignature(toDraft(template))).toBe(before)
  })

  it('drops blank key points and sends a bad duration as 0 for the host to reject', () => {
    const d = toDraft(template)
    d.questions[0]!.keyPoints.push({ key: 'x', text: '  ' })
    d.durationMinutes = 'abc'
    const body = fromDraft(d)
    expect(body.questions[0]!.keyPoints).toEqual(['blocks'])
    expect(body.durationMinutes).toBe(0)
  })
})

describe('starter code in the draft', () => {
  it('sends starter code and language only when there are some, code as typed', () => {
    const d = toDraft({
      ...template,
      questions: [{ ...template.questions[0]!, starterCode: '  x = 1\r\n', language: 'python' }],
    })
    expect(d.questions[0]).toMatchObject({ starterCode: '  x = 1\r\n', language: 'python' })
    expect(fromDraft(d).questions[0]).toMatchObject({ starterCode: '  x = 1\r\n', language: 'python' })
    d.questions[0]!.starterCode = ' \n '
    d.questions[0]!.language = ''
    const q = fromDraft(d).questions[0]!
    expect(q).not.toHaveProperty('starterCode')
    expect(q).not.toHaveProperty('language')
  })

  it('checks what the host would refuse, by field path', () => {
    const d = toDraft(template)
    expect(checkDraft(d)).toEqual({})
    d.questions[0]!.starterCode = 'x'.repeat(STARTER_CODE_MAX + 1)
    expect(Object.keys(checkDraft(d))).toEqual(['questions.0.starterCode'])
  })

  it('says what a closed section holds', () => {
    expect(starterSummary({ starterCode: '', language: '' })).toBe('None')
    expect(starterSummary({ starterCode: '', language: 'sql' })).toBe('SQL, no code')
    expect(starterSummary({ starterCode: 'a\nb\n\n', language: 'cpp' })).toBe('C++, 2 lines')
    expect(starterSummary({ starterCode: 'print(1)', language: '' })).toBe('Plain text, 1 line')
  })
})

describe('server field paths', () => {
  it.each([
    ['name', 'name'],
    ['plan[0].title', 'plan.0.title'],
    ['questions[2].keyPoints[1]', 'questions.2.keyPoints.1'],
    ['questions.3.text', 'questions.3.text'],
  ])('%s → %s', (k, want) => {
    expect(fieldPath(k)).toBe(want)
  })

  it('normalises a fields map', () => {
    const e = new ApiError(422, 'invalid', 'Required.', { 'plan[1].title': 'Required.' })
    expect(splitSaveError(e, fieldPath).fields).toEqual({ 'plan.1.title': 'Required.' })
  })
})

describe('list helpers', () => {
  it('labels technical and plan-only templates', () => {
    expect(kindLabel({ technical: true, questionCount: 12 })).toBe('Technical · 12 questions')
    expect(kindLabel({ technical: true, questionCount: 1 })).toBe('Technical · 1 question')
    expect(kindLabel({ technical: false, questionCount: 0 })).toBe('Plan only')
  })

  it('filters by name, specialization and description', () => {
    const s = { ...template, topicCount: 2, questionCount: 1 }
    expect(matchesTemplate(s, 'GO BACK')).toBe(true)
    expect(matchesTemplate(s, 'plan plus')).toBe(true)
    expect(matchesTemplate(s, 'python')).toBe(false)
    expect(matchesTemplate(s, '  ')).toBe(true)
  })

  it('names export files', () => {
    expect(exportFileName('Go backend engineer')).toBe('go-backend-engineer.json')
    expect(exportFileName('Développeur · Front (copy)')).toBe('developpeur-front-copy.json')
    expect(exportFileName('***')).toBe('template.json')
  })
})

describe('describeError', () => {
  it('spells out field messages for imports', async () => {
    const { ApiError } = await import('../api/client')
    const { describeError } = await import('./TemplateListPage')
    const one = new ApiError(422, 'invalid', 'Add at least one plan topic.', { 'templates[0].plan': 'Add at least one plan topic.' })
    expect(describeError(one)).toBe('templates[0].plan: Add at least one plan topic.')
    const two = new ApiError(422, 'invalid', 'Check the highlighted fields.', { 'templates[1].name': 'Enter the template name.' })
    expect(describeError(two)).toBe('Check the highlighted fields. templates[1].name: Enter the template name.')
    expect(describeError(new ApiError(400, 'bad_request', 'not an InterviewDesk template file'))).toBe(
      'not an InterviewDesk template file',
    )
  })
})

describe('summaries of collapsed items', () => {
  it('takes the first line of a text, or says it is empty', () => {
    expect(firstLine('  What is a goroutine?\nExplain.', 'Untitled')).toBe('What is a goroutine?')
    expect(firstLine(' \n ', 'Untitled')).toBe('Untitled')
  })

  it('names a question with starter code a coding question, with its language', () => {
    expect(questionKind({ starterCode: '', language: 'go' })).toBe('Discussion')
    expect(questionKind({ starterCode: 'package main', language: 'go' })).toBe('Coding · Go')
    expect(questionKind({ starterCode: 'x', language: '' })).toBe('Coding · Plain text')
  })

  it('counts the messages of one item, and finds the items that have any', () => {
    const d = toDraft(template)
    const errors = { 'questions.0.text': 'Write it.', 'questions.0.keyPoints.1': 'Too long.', 'plan.1.title': 'Name it.', name: 'Name it.' }
    expect(itemErrorCount(errors, 'questions', 0)).toBe(2)
    expect(itemErrorCount(errors, 'plan', 0)).toBe(0)
    expect(itemErrorCount({ 'questions.10.text': 'x' }, 'questions', 1)).toBe(0)
    expect(keysWithErrors(d, errors)).toEqual([d.plan[1]!.key, d.questions[0]!.key])
  })
})

describe('keepKeys', () => {
  it('gives the saved template the keys the form had, item by item', () => {
    const before = toDraft(template)
    const after = keepKeys(toDraft(template), before)
    expect(after.plan.map((t) => t.key)).toEqual(before.plan.map((t) => t.key))
    expect(after.questions.map((q) => q.key)).toEqual(before.questions.map((q) => q.key))
    expect(after.questions[0]!.keyPoints.map((k) => k.key)).toEqual(before.questions[0]!.keyPoints.map((k) => k.key))
    expect(draftSignature(after)).toBe(draftSignature(before))
  })

  it('keeps new keys for items the form did not have', () => {
    const before = { ...toDraft(template), plan: toDraft(template).plan.slice(0, 1) }
    const next = toDraft(template)
    const after = keepKeys(next, before)
    expect(after.plan[0]!.key).toBe(before.plan[0]!.key)
    expect(after.plan[1]!.key).toBe(next.plan[1]!.key)
  })
})
