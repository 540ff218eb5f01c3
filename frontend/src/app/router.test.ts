import { describe, expect, it } from 'vitest'
import { href, parseHash } from './router'

describe('parseHash', () => {
  it.each([
    ['', { name: 'interviews' }],
    ['#/', { name: 'interviews' }],
    ['#/interviews', { name: 'interviews' }],
    ['#/interviews/abc', { name: 'interview', id: 'abc' }],
    ['#/interviews/new', { name: 'interview-new' }],
    ['#/interviews/new?template=tpl%201', { name: 'interview-new', templateId: 'tpl 1' }],
    ['#/interviews/new?candidate=c1', { name: 'interview-new', candidateId: 'c1' }],
    ['#/candidates', { name: 'candidates' }],
    ['#/candidates?q=olivia%20diaz&since=all', { name: 'candidates', q: 'olivia diaz', since: 'all' }],
    ['#/candidates/olivia%40example.com', { name: 'candidate', id: 'olivia@example.com' }],
    ['#/pipeline', { name: 'pipeline' }],
    ['#/pipeline?position=Backend%20engineer', { name: 'pipeline', position: 'Backend engineer' }],
    ['#/templates', { name: 'templates' }],
    ['#/templates/new', { name: 'template-new' }],
    ['#/templates/t%2F1', { name: 'template', id: 't/1' }],
    ['#/settings', { name: 'settings' }],
    ['#/settings/privacy', { name: 'settings', section: 'privacy' }],
    ['#/settings/audit', { name: 'settings', section: 'audit' }],
    ['#/live-rooms', { name: 'live-rooms' }],
    ['#/live-rooms/x', { name: 'not-found', path: '/live-rooms/x' }],
    ['#/campaigns', { name: 'campaigns' }],
    ['#/campaigns/new', { name: 'campaign-new' }],
    ['#/campaigns/c1', { name: 'campaign', id: 'c1' }],
    ['#/campaigns/c1/edit', { name: 'campaign-edit', id: 'c1' }],
    ['#/campaigns/c1/x', { name: 'not-found', path: '/campaigns/c1/x' }],
    ['#/nope', { name: 'not-found', path: '/nope' }],
    ['#/templates/a/b', { name: 'not-found', path: '/templates/a/b' }],
    ['#/interviews/abc/report', { name: 'report', id: 'abc' }],
    ['#/interviews/abc/playback', { name: 'playback', id: 'abc' }],
    ['#/interviews/abc/playback?at=1764583200000', { name: 'playback', id: 'abc', at: 1764583200000 }],
    ['#/interviews/abc/playback?at=soon', { name: 'playback', id: 'abc' }],
    ['#/interviews/abc/other', { name: 'not-found', path: '/interviews/abc/other' }],
  ])('%s', (hash, want) => {
    expect(parseHash(hash)).toEqual(want)
  })

  it('builds encoded links that parse back', () => {
    expect(href('templates', 'a b')).toBe('#/templates/a%20b')
    expect(parseHash(href('interviews', 'x/y'))).toEqual({ name: 'interview', id: 'x/y' })
  })
})

describe('the interviewer room inside the app', () => {
  it('is a route of its own under the interview', () => {
    expect(parseHash('#/interviews/iv1/room')).toEqual({ name: 'interview-room', id: 'iv1' })
    expect(parseHash('#/interviews/new/room')).toEqual({ name: 'not-found', path: '/interviews/new/room' })
    expect(parseHash('#/interviews/iv1/notes')).toEqual({ name: 'not-found', path: '/interviews/iv1/notes' })
    expect(href('interviews', 'iv 1', 'room')).toBe('#/interviews/iv%201/room')
  })
})

describe('account routes', () => {
  it('opens password links and the Users screen', () => {
    expect(parseHash('#/set-password/AbC-12_x')).toEqual({ name: 'set-password', token: 'AbC-12_x' })
    expect(parseHash('#/reset-password/AbC')).toEqual({ name: 'reset-password', token: 'AbC' })
    expect(parseHash('#/set-password')).toEqual({ name: 'not-found', path: '/set-password' })
    expect(parseHash('#/settings/users')).toEqual({ name: 'users' })
    expect(parseHash('#/settings/other')).toEqual({ name: 'not-found', path: '/settings/other' })
  })
})
