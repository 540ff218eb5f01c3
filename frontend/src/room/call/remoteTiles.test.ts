import { describe, expect, it } from 'vitest'
import type { RemoteParticipant } from '../media/peer'
import type { Member } from '../protocol'
import { remoteTiles } from './CallView'

const me: Member = { id: 'c-me', role: 'interviewer', name: 'Alex Recruiter', ready: false }
const cand: Member = { id: 'c-cand', role: 'candidate', name: 'Olivia Diaz', ready: true }
const sam: Member = { id: 'c-sam', role: 'interviewer', name: 'Sam Lee', ready: false }

function remote(id: string, name: string, video = true): RemoteParticipant {
  return { id, name, camera: {} as MediaStream, screen: undefined, hasVideo: video, hasAudio: true }
}

describe('remoteTiles', () => {
  it('reserves a tile for whom we expect while nobody is there', () => {
    const t = remoteTiles({ self: 'c-me', members: [me], remotes: [], expected: ['Olivia Diaz'], candidateAdmitted: false, peerStatus: 'connected' })
    expect(t).toEqual([{ id: 'expected', name: 'Olivia Diaz', role: undefined, camera: undefined, screen: undefined, status: 'Not here yet' }])
  })

  it('says where a present candidate is before the call', () => {
    const checking = remoteTiles({ self: 'c-me', members: [me, { ...cand, ready: false }], remotes: [], expected: [], candidateAdmitted: false, peerStatus: 'connected' })
    expect(checking[0]?.status).toBe('Checking camera and microphone')
    const waiting = remoteTiles({ self: 'c-me', members: [me, cand], remotes: [], expected: [], candidateAdmitted: false, peerStatus: 'connected' })
    expect(waiting[0]?.status).toBe('In the waiting room')
  })

  it('matches the host call participants to people: "candidate" to the candidate, interviewers by name', () => {
    const t = remoteTiles({
      self: 'c-me',
      members: [me, sam, cand],
      remotes: [remote('interviewer-1a2b', 'Sam Lee'), remote('candidate', 'Olivia Diaz')],
      expected: [],
      candidateAdmitted: true,
      peerStatus: 'connected',
    })
    expect(t.map((x) => [x.name, x.camera !== undefined])).toEqual([
      ['Sam Lee', true],
      ['Olivia Diaz', true],
    ])
  })

  it('shows media from someone not (yet) in presence, and says when video is unavailable', () => {
    const t = remoteTiles({ self: 'c-me', members: [me], remotes: [remote('interviewer-9', 'Kim', false)], expected: [], candidateAdmitted: true, peerStatus: 'connected' })
    expect(t).toMatchObject([{ name: 'Kim', status: 'Camera off' }])
    const u = remoteTiles({ self: 'c-me', members: [me, cand], remotes: [], expected: [], candidateAdmitted: true, peerStatus: 'unavailable' })
    expect(u[0]?.status).toBe('Video is not available on this host')
  })
})
