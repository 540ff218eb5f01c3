// Which screen a tab shows for what the host said: one pure function, so the
// rules (admission, lock, takeover, the end) are tested in one place.

import type { ConnectionStatus } from './connection/client'
import type { Member, Phase, Role } from './protocol'

export type Stage = 'plan' | 'technical' | 'finish'

export type Screen =
  | { kind: 'connecting' }
  | { kind: 'gone' }
  | { kind: 'replaced' }
  | { kind: 'completed' }
  /** Candidate: pre-join card, device check, network check, consent. */
  | { kind: 'prejoin' }
  /** Candidate: ready, waiting to be let in. */
  | { kind: 'waiting'; locked: boolean; started: boolean }
  /** Candidate: in the call. */
  | { kind: 'call'; stage: Stage }
  /** Interviewer: the call with the cockpit beside it. */
  | { kind: 'cockpit'; stage: 'lobby' | Stage }

export type ScreenInput = {
  role: Role
  status: ConnectionStatus
  /** A welcome and a state arrived on some connection. */
  known: boolean
  phase?: Phase | undefined
  locked?: boolean | undefined
  /** Candidate: finished the pre-join steps in this tab. */
  joined?: boolean
  /** Candidate: was let into the call in this tab (a later lock does not throw them out). */
  admitted?: boolean
}

const isStage = (p: Phase | undefined): p is Stage => p === 'plan' || p === 'technical' || p === 'finish'

/** Whether the host lets a candidate into the call (internal/room State.CandidateAdmitted). */
export function candidateAdmitted(phase: Phase | undefined, locked: boolean | undefined): boolean {
  return isStage(phase) && !locked
}

export function screenFor(i: ScreenInput): Screen {
  if (i.known && i.phase === 'ended') return { kind: 'completed' }
  if (i.status === 'replaced') return { kind: 'replaced' }
  if (i.status === 'gone') return { kind: 'gone' }
  if (!i.known || i.phase === undefined) return { kind: 'connecting' }
  if (i.role === 'interviewer') return { kind: 'cockpit', stage: isStage(i.phase) ? i.phase : 'lobby' }
  if (!i.joined) return { kind: 'prejoin' }
  if (isStage(i.phase) && (!i.locked || i.admitted)) return { kind: 'call', stage: i.phase }
  return { kind: 'waiting', locked: i.locked === true, started: i.phase !== 'waiting' }
}

/** Where the candidate is, as the interviewer's waiting-room line says it. */
export type CandidatePresence = 'absent' | 'checking' | 'ready'

export function candidatePresence(members: readonly Member[]): CandidatePresence {
  const c = members.find((m) => m.role === 'candidate')
  if (!c) return 'absent'
  return c.ready ? 'ready' : 'checking'
}

/** The live status line an interviewer reads (and a screen reader announces). */
export function candidateStatusText(name: string, presence: CandidatePresence, phase: Phase, locked: boolean): string {
  const who = `Candidate ${name || 'the candidate'}`
  if (phase === 'ended') return 'The interview has ended.'
  if (phase === 'waiting') {
    if (presence === 'absent') return `${who} has not joined yet`
    if (presence === 'checking') return `${who} has opened the link and is checking their devices`
    return `${who} is ready and waiting`
  }
  if (presence === 'absent') return `${who} is not connected`
  if (presence === 'checking') return `${who} is reconnecting and checking their devices`
  if (locked) return `${who} is connected · room locked`
  return `${who} is in the interview`
}

/** The Start interview button shows only when the candidate waits, ready. */
export const canStart = (phase: Phase | undefined, presence: CandidatePresence): boolean =>
  phase === 'waiting' && presence === 'ready'
