import { describe, expect, it } from 'vitest'
import {
  CREATE_FIELDS,
  firstInvalid,
  isValidEmail,
  MESSAGES,
  toNewInterview,
  validateCreate,
  validateInterviewer,
  type CreateForm,
} from './validation'

const now = new Date('2026-11-25T12:00:00Z')

const valid: CreateForm = {
  templateId: 'tpl-go',
  position: 'Senior Go developer',
  candidateName: 'Olivia Diaz',
  candidateEmail: 'olivia@example.com',
  when: 'later',
  date: '2026-11-26',
  time: '10:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: '60',
  campaign: '',
}

describe('validateCreate', () => {
  it('accepts a complete form', () => {
    expect(validateCreate(valid, now)).toEqual({})
  })

  it('reports each required field under its server name', () => {
    const e = validateCreate(
      { ...valid, templateId: '', position: '  ', candidateName: '', candidateEmail: '', date: '', time: '' },
      now,
    )
    expect(e).toEqual({
      templateId: MESSAGES.template,
      position: MESSAGES.position,
      candidateName: MESSAGES.candidateName,
      candidateEmail: MESSAGES.emailMissing,
      startsAt: MESSAGES.when,
    })
    expect(firstInvalid(CREATE_FIELDS, e)).toBe('templateId')
  })

  it.each(['olivia', 'olivia@', '@example.com', 'olivia@example', 'oli via@example.com', 'a@b..com'])(
    'rejects the email %j',
    (email) => {
      expect(validateCreate({ ...valid, candidateEmail: email }, now).candidateEmail).toBe(MESSAGES.email)
    },
  )

  it.each(['olivia@example.com', 'o.diaz+test@mail.example.co.uk', '  olivia@example.com  '])('accepts the email %j', (email) => {
    expect(isValidEmail(email)).toBe(true)
  })

  it('rejects a later time in the past, judged in the chosen zone', () => {
    // 12:30 in Berlin is 11:30Z — already past at 12:00Z.
    expect(validateCreate({ ...valid, date: '2026-11-25', time: '12:30' }, now).startsAt).toBe(MESSAGES.past)
    // 12:30 in New York is 17:30Z — still ahead.
    expect(
      validateCreate({ ...valid, date: '2026-11-25', time: '12:30', timeZone: 'America/New_York' }, now).startsAt,
    ).toBeUndefined()
  })

  it('allows the current minute and up to two years ahead, like the host', () => {
    expect(validateCreate({ ...valid, date: '2026-11-25', time: '13:00', timeZone: 'Europe/Berlin' }, now).startsAt).toBeUndefined() // 12:00Z
    expect(validateCreate({ ...valid, date: '2026-11-25', time: '11:59', timeZone: 'UTC' }, now).startsAt).toBeUndefined()
    expect(validateCreate({ ...valid, date: '2026-11-25', time: '11:58', timeZone: 'UTC' }, now).startsAt).toBe(MESSAGES.past)
    expect(validateCreate({ ...valid, date: '2028-11-25', time: '12:00', timeZone: 'UTC' }, now).startsAt).toBeUndefined()
    expect(validateCreate({ ...valid, date: '2028-11-25', time: '12:01', timeZone: 'UTC' }, now).startsAt).toBe(MESSAGES.tooFar)
  })

  it('rejects impossible dates', () => {
    expect(validateCreate({ ...valid, date: '2026-02-30' }, now).startsAt).toBe(MESSAGES.badWhen)
  })

  it('ignores date and time for "right now"', () => {
    expect(validateCreate({ ...valid, when: 'now', date: '', time: '', timeZone: '' }, now)).toEqual({})
  })

  it('checks zone, duration and length limits', () => {
    const e = validateCreate(
      { ...valid, timeZone: 'Nowhere/Land', durationMinutes: '10', campaign: 'x'.repeat(121), position: 'p'.repeat(121) },
      now,
    )
    expect(e.timeZone).toBe(MESSAGES.timeZone)
    expect(e.durationMinutes).toBe(MESSAGES.duration)
    expect(e.campaign).toBe(MESSAGES.tooLong(120))
    expect(e.position).toBe(MESSAGES.tooLong(120))
    expect(validateCreate({ ...valid, durationMinutes: '241' }, now).durationMinutes).toBe(MESSAGES.duration)
    expect(validateCreate({ ...valid, durationMinutes: '45.5' }, now).durationMinutes).toBe(MESSAGES.duration)
    expect(validateCreate({ ...valid, durationMinutes: '' }, now).durationMinutes).toBeUndefined()
  })
})

describe('toNewInterview', () => {
  it('sends startsAt as local wall time plus the zone', () => {
    expect(toNewInterview({ ...valid, position: ' Senior Go developer ', campaign: ' Autumn ' })).toEqual({
      templateId: 'tpl-go',
      position: 'Senior Go developer',
      candidateName: 'Olivia Diaz',
      candidateEmail: 'olivia@example.com',
      when: 'later',
      startsAt: '2026-11-26T10:00',
      timeZone: 'Europe/Berlin',
      campaign: 'Autumn',
      durationMinutes: 60,
    })
  })

  it('omits startsAt for right now', () => {
    const body = toNewInterview({ ...valid, when: 'now', durationMinutes: '' })
    expect(body.when).toBe('now')
    expect(body.startsAt).toBeUndefined()
    expect(body.durationMinutes).toBeUndefined()
    expect(body.campaign).toBeUndefined()
  })
})

describe('validateInterviewer', () => {
  it('needs a name and a valid email', () => {
    expect(validateInterviewer('', 'x')).toEqual({ name: MESSAGES.interviewerName, email: MESSAGES.email })
    expect(validateInterviewer('Sam', '')).toEqual({ email: MESSAGES.interviewerEmailMissing })
    expect(validateInterviewer('Sam Lee', 'sam@example.com')).toEqual({})
  })
})
