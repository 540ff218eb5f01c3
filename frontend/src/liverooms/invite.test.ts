import { describe, expect, it } from 'vitest'
import type { OutboxMessage, TemplateSummary } from '../api/types'
import { candidateInvitation, defaultTemplate, toNewRoom, toolsFor, validateInvite, type InviteForm } from './invite'

const tpl = (id: string, o: Partial<TemplateSummary> = {}): TemplateSummary => ({
  id,
  name: `Template ${id}`,
  specialization: '',
  description: '',
  durationMinutes: 60,
  technical: false,
  builtIn: true,
  topicCount: 3,
  questionCount: 0,
  updatedAt: '2026-11-24T10:00:00Z',
  ...o,
})
const templates = [tpl('go', { name: 'Go backend engineer', specialization: 'Go backend', technical: true }), tpl('hr', { name: 'HR screen' })]
const form = (o: Partial<InviteForm> = {}): InviteForm => ({
  candidateName: 'Olivia Diaz',
  candidateEmail: 'olivia@example.com',
  position: '',
  templateId: 'go',
  ...o,
})

describe('inviting a candidate to a new live room', () => {
  it('needs only the candidate’s name and email: the room starts now with the template’s position', () => {
    expect(validateInvite(form(), templates)).toEqual({})
    expect(toNewRoom(form({ candidateName: ' Olivia Diaz ' }), templates, 'Europe/Berlin')).toEqual({
      templateId: 'go',
      position: 'Go backend',
      candidateName: 'Olivia Diaz',
      candidateEmail: 'olivia@example.com',
      when: 'now',
      timeZone: 'Europe/Berlin',
    })
    expect(toNewRoom(form({ templateId: 'hr', position: ' Recruiter ' }), templates, '').position).toBe('Recruiter')
    expect(toNewRoom(form({ templateId: 'hr' }), templates, '').position).toBe('HR screen')
  })

  it('says what is missing, by the host’s field names', () => {
    expect(validateInvite(form({ candidateName: ' ', candidateEmail: 'olivia' }), templates)).toEqual({
      candidateName: 'Enter the candidate’s name.',
      candidateEmail: 'Enter a valid email address, like name@example.com.',
    })
    expect(validateInvite(form({ templateId: 'gone' }), templates)).toEqual({ templateId: 'Choose a template.' })
    expect(validateInvite(form({ position: 'x'.repeat(121) }), templates).position).toMatch(/at most 120/)
  })

  it('starts from the template used last, if it still exists, with its tools', () => {
    expect(defaultTemplate(templates, 'hr')).toBe('hr')
    expect(defaultTemplate(templates, 'deleted')).toBe('go')
    expect(defaultTemplate([], 'hr')).toBe('')
    expect(toolsFor(templates[0])).toEqual({ liveCode: true, whiteboard: false })
    expect(toolsFor(templates[1])).toEqual({ liveCode: false, whiteboard: false })
  })

  it('finds the candidate’s invitation among the room’s emails', () => {
    const m = (kind: OutboxMessage['kind'], email: string): OutboxMessage => ({
      id: `${kind}-${email}`, to: { name: '', email }, subject: '', kind, state: 'queued', attempts: 0, createdAt: '2026-11-24T10:00:00Z',
    })
    const messages = [m('invite', 'alex@example.com'), m('invite', 'Olivia@Example.com'), m('cancel', 'olivia@example.com')]
    expect(candidateInvitation(messages, 'olivia@example.com')?.id).toBe('invite-Olivia@Example.com')
    expect(candidateInvitation(null, 'olivia@example.com')).toBeUndefined()
  })
})
