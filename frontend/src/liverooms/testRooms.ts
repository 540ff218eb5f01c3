// Rooms for the Live Room tests: times in minutes from NOW.
import type { LiveRoom, RoomMember, RoomPresence } from '../api/types'

export const NOW = new Date('2026-11-24T12:00:00Z')
export const at = (min: number) => new Date(NOW.getTime() + min * 60_000).toISOString()

export function room(id: string, o: Partial<LiveRoom> & { start?: number; minutes?: number } = {}): LiveRoom {
  const { start = 30, minutes = 60, ...rest } = o
  return {
    id,
    candidate: { name: id, email: `${id.toLowerCase().replace(/\s+/g, '.')}@example.com` },
    position: 'Backend engineer',
    campaign: '',
    templateName: 'Go backend engineer',
    startsAt: at(start),
    endsAt: at(start + minutes),
    timeZone: 'Europe/Berlin',
    tools: { liveCode: true, whiteboard: false },
    interviewers: [{ name: 'Alex Recruiter', email: 'alex@example.com' }],
    interviewerLink: `https://h/room/${id}`,
    candidateLink: `https://h/join/${id}`,
    group: 'upcoming',
    ...rest,
  }
}

export const member = (role: RoomMember['role'], since: number, ready = true): RoomMember => ({
  id: `${role}-${since}`,
  participant: role,
  role,
  name: role === 'candidate' ? 'The candidate' : 'Alex Recruiter',
  ready,
  since: at(since),
})

export const presence = (members: RoomMember[], phase: RoomPresence['phase'] = 'waiting', locked = false): RoomPresence => ({
  phase,
  locked,
  members,
})

