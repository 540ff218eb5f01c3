import { describe, expect, it } from 'vitest'
import { NotDeliveredError, RefusedError } from '../connection/client'
import { refusedJoin } from './join'

describe('refusedJoin', () => {
  it('keeps a candidate the host has not let in yet waiting', () => {
    expect(refusedJoin(new RefusedError('the interviewer has not let you in yet')).status).toBe('waiting')
  })

  it('keeps waiting when the consent sent just before the call was refused', () => {
    const r = refusedJoin(new RefusedError('Give your consent on this page before you join the interview.'))
    expect(r).toEqual({ status: 'waiting', detail: 'Give your consent on this page before you join the interview.' })
  })

  it('says video is unavailable for any other refusal', () => {
    const r = refusedJoin(new RefusedError('could not join the call: media is not configured'))
    expect(r).toEqual({ status: 'unavailable', detail: 'could not join the call: media is not configured' })
  })

  it('keeps waiting when the call never reached the host', () => {
    expect(refusedJoin(new NotDeliveredError('Not connected to the interview host.')).status).toBe('waiting')
  })
})
