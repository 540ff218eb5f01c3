import { afterEach, describe, expect, it } from 'vitest'
import { FIRST_SCREEN_PRELOADS } from '../api/contract.gen'
import { firstScreenPaths, startPaths } from './firstScreen'

afterEach(() => sessionStorage.clear())

describe('firstScreenPaths', () => {
  it('asks for the list’s first page on the interview list, in its stored tab', () => {
    expect(firstScreenPaths('')).toEqual(['/api/account', '/api/settings', '/api/interviews?tense=upcoming&limit=25'])
    sessionStorage.setItem('interviewdesk.interviewTab', 'past')
    expect(firstScreenPaths('#/interviews')).toEqual(['/api/account', '/api/settings', '/api/interviews?tense=past&limit=25'])
  })

  it('asks for what the host preloads with the console page (its Link header), on a fresh tab', () => {
    for (const hash of ['', '#/', '#/interviews']) expect(firstScreenPaths(hash)).toEqual(FIRST_SCREEN_PRELOADS)
  })

  it('asks only for the account and the settings elsewhere', () => {
    for (const hash of ['#/templates', '#/interviews/abc', '#/set-password/tok']) {
      expect(firstScreenPaths(hash)).toEqual(['/api/account', '/api/settings'])
    }
  })

  it('takes every preload at start, also on a screen that does not need it (an untaken one would answer later, stale)', () => {
    expect(startPaths('#/set-password/tok')).toEqual(FIRST_SCREEN_PRELOADS)
    sessionStorage.setItem('interviewdesk.interviewTab', 'past')
    expect(startPaths('#/interviews')).toEqual([
      '/api/account',
      '/api/settings',
      '/api/interviews?tense=past&limit=25',
      '/api/interviews?tense=upcoming&limit=25',
    ])
  })
})

