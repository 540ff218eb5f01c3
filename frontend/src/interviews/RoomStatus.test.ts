import { describe, expect, it } from 'vitest'
import type { RoomPresence } from '../api/types'
import { roomStatusText } from './RoomStatus'

const member = (role: 'candidate' | 'interviewer', ready = false) => ({
  id: role, participant: role, role, name: role === 'candidate' ? 'Olivia Diaz' : 'Alex', ready, since: '2026-11-24T10:00:00Z',
})
const presence = (phase: RoomPresence['phase'], members: RoomPresence['members']): RoomPresence => ({ phase, locked: false, members })

describe('roomStatusText', () => {
  it('follows the candidate from not joined to ready and waiting', () => {
    expect(roomStatusText(undefined, 'Olivia Diaz')).toBe('Checking the room…')
    expect(roomStatusText(presence('waiting', [member('interviewer')]), 'Olivia Diaz')).toBe('Candidate Olivia Diaz has not joined yet.')
    expect(roomStatusText(presence('waiting', [member('candidate')]), 'Olivia Diaz')).toBe(
      'Candidate Olivia Diaz is checking their devices.',
    )
    expect(roomStatusText(presence('waiting', [member('candidate', true)]), 'Olivia Diaz')).toBe('Candidate Olivia Diaz is ready and waiting.')
  })

  it('says who is in the room during the interview, and when it is over', () => {
    expect(roomStatusText(presence('technical', [member('interviewer'), member('candidate', true)]), 'Olivia Diaz')).toBe(
      'Interview in progress · 1 interviewer and the candidate in the room.',
    )
    expect(roomStatusText(presence('plan', [member('interviewer'), member('interviewer')]), 'Olivia Diaz')).toBe(
      'Interview in progress · 2 interviewers in the room.',
    )
    expect(roomStatusText(presence('ended', []), 'Olivia Diaz')).toBe('Interview completed.')
  })
})
