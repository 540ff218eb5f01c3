import { describe, expect, it } from 'vitest'
import type { Member } from './protocol'
import { candidatePresence, candidateStatusText, canStart, screenFor, type ScreenInput } from './screens'

const base: ScreenInput = { role: 'candidate', status: 'open', known: true, phase: 'waiting', locked: false, joined: false }

describe('screenFor', () => {
  it.each<[string, Partial<ScreenInput>, ReturnType<typeof screenFor>]>([
    ['nothing from the host yet', { known: false, phase: undefined }, { kind: 'connecting' }],
    ['candidate before the pre-join steps', {}, { kind: 'prejoin' }],
    ['candidate before the pre-join steps, interview running', { phase: 'technical' }, { kind: 'prejoin' }],
    ['ready, not started', { joined: true }, { kind: 'waiting', locked: false, started: false }],
    ['ready, locked before the start', { joined: true, locked: true }, { kind: 'waiting', locked: true, started: false }],
    ['ready, started but locked', { joined: true, phase: 'plan', locked: true }, { kind: 'waiting', locked: true, started: true }],
    ['admitted in the plan', { joined: true, phase: 'plan' }, { kind: 'call', stage: 'plan' }],
    ['admitted in the technical part', { joined: true, phase: 'technical' }, { kind: 'call', stage: 'technical' }],
    ['admitted in the finish', { joined: true, phase: 'finish' }, { kind: 'call', stage: 'finish' }],
    ['a lock after admission keeps the candidate in the call', { joined: true, phase: 'technical', locked: true, admitted: true }, { kind: 'call', stage: 'technical' }],
    ['ended', { joined: true, phase: 'ended' }, { kind: 'completed' }],
    ['ended wins over a dead link after the end', { phase: 'ended', status: 'gone' }, { kind: 'completed' }],
    ['another tab took over', { joined: true, phase: 'plan', status: 'replaced' }, { kind: 'replaced' }],
    ['dead link', { known: false, phase: undefined, status: 'gone' }, { kind: 'gone' }],
    ['reconnecting keeps the last screen', { joined: true, phase: 'plan', status: 'reconnecting' }, { kind: 'call', stage: 'plan' }],
  ])('candidate: %s', (_, patch, want) => {
    expect(screenFor({ ...base, ...patch })).toEqual(want)
  })

  it.each<[string, Partial<ScreenInput>, ReturnType<typeof screenFor>]>([
    ['waiting: the lobby', {}, { kind: 'cockpit', stage: 'lobby' }],
    ['locked waiting room: still the lobby', { locked: true }, { kind: 'cockpit', stage: 'lobby' }],
    ['plan', { phase: 'plan' }, { kind: 'cockpit', stage: 'plan' }],
    ['technical, locked (interviewers need no admission)', { phase: 'technical', locked: true }, { kind: 'cockpit', stage: 'technical' }],
    ['finish', { phase: 'finish' }, { kind: 'cockpit', stage: 'finish' }],
    ['ended', { phase: 'ended' }, { kind: 'completed' }],
    ['connecting', { known: false }, { kind: 'connecting' }],
  ])('interviewer: %s', (_, patch, want) => {
    expect(screenFor({ ...base, role: 'interviewer', ...patch })).toEqual(want)
  })
})

const iv: Member = { id: 'i', role: 'interviewer', name: 'Alex', ready: false }

describe('the waiting-room status', () => {
  it('follows presence: absent → checking → ready', () => {
    expect(candidatePresence([iv])).toBe('absent')
    expect(candidatePresence([iv, { id: 'c', role: 'candidate', name: 'Olivia Diaz', ready: false }])).toBe('checking')
    expect(candidatePresence([iv, { id: 'c', role: 'candidate', name: 'Olivia Diaz', ready: true }])).toBe('ready')
  })

  it('uses the words recruiters know', () => {
    expect(candidateStatusText('Olivia Diaz', 'absent', 'waiting', false)).toBe('Candidate Olivia Diaz has not joined yet')
    expect(candidateStatusText('Olivia Diaz', 'ready', 'waiting', false)).toBe('Candidate Olivia Diaz is ready and waiting')
    expect(candidateStatusText('Olivia Diaz', 'ready', 'plan', false)).toBe('Candidate Olivia Diaz is in the interview')
    expect(candidateStatusText('Olivia Diaz', 'ready', 'plan', true)).toBe('Candidate Olivia Diaz is connected · room locked')
    expect(candidateStatusText('Olivia Diaz', 'absent', 'technical', false)).toBe('Candidate Olivia Diaz is not connected')
  })

  it('offers Start interview only when the candidate is ready and the interview has not started', () => {
    expect(canStart('waiting', 'ready')).toBe(true)
    expect(canStart('waiting', 'checking')).toBe(false)
    expect(canStart('waiting', 'absent')).toBe(false)
    expect(canStart('plan', 'ready')).toBe(false)
  })
})
