// An automated accessibility check (axe-core, WCAG 2 A and AA rules) over the
// console's main screens and both sides of the room, in real Chromium, in
// light and dark. A violation fails the test with what and where.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { check } from './axe'
import { api, screenshot, startHost, type Host } from './harness'
import { candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from './room-harness'

let host: Host
let recruiter: Participant
let candidate: Participant

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

it('the console and both sides of the room pass axe-core’s WCAG 2 A/AA rules', async () => {
  const iv = recruiter.page
  const cand = candidate.page
  const found: string[] = []
  const { interview, template } = await createInterview(iv)
  for (const [hash, what, ready] of [
    ['#/interviews', 'interview list', 'Interviews'],
    ['#/interviews/new', 'new interview', 'Interview setup'],
    [`#/interviews/${interview.id}`, 'interview details', interview.candidate.name],
    ['#/candidates', 'candidates', 'Candidates'],
    [`#/candidates/${encodeURIComponent(interview.candidate.email)}`, 'candidate profile', interview.candidate.name],
    ['#/pipeline', 'pipeline', 'Pipeline'],
    ['#/campaigns', 'campaigns, none yet', 'Campaigns'],
    ['#/campaigns/new', 'new campaign', 'Create campaign'],
    ['#/templates', 'templates', 'Interview templates'],
    ['#/overview', 'overview', 'Overview'],
    ['#/live-rooms', 'live room', 'Live Room'],
    ['#/settings', 'settings', 'Settings'],
    ['#/settings/privacy', 'settings: privacy and backups', 'Settings'],
    ['#/settings/audit', 'settings: audit log', 'Settings'],
    ['#/settings/users', 'settings: users', 'Settings'],
  ] as const) {
    await iv.goto(new URL(`/${hash}`, host.url).toString())
    await iv.getByRole('heading', { name: ready, level: 1 }).first().waitFor()
    found.push(...(await check(iv, what)))
  }
  // A campaign's page and the list with it.
  const campaign = await api<{ campaign: { id: string } }>(iv, 'POST', '/api/campaigns', {
    name: 'Axe campaign', position: 'Backend engineer', templateId: template.id, mode: 'slots', candidateChanges: true,
    rules: [{ from: '2099-03-02', to: '2099-03-06', weekdays: [], start: '10:00', end: '12:00', minutes: 45, capacity: 2 }],
  })
  for (const [hash, what, ready] of [
    ['#/campaigns', 'campaigns', 'Campaigns'],
    [`#/campaigns/${campaign.campaign.id}`, 'campaign page', 'Axe campaign'],
    [`#/campaigns/${campaign.campaign.id}/edit`, 'edit campaign', 'Edit campaign'],
  ] as const) {
    await iv.goto(new URL(`/${hash}`, host.url).toString())
    await iv.getByRole('heading', { name: ready, level: 1 }).first().waitFor()
    found.push(...(await check(iv, what)))
  }
  // The Live Room's dialogs, open over the screen.
  await iv.goto(new URL('/#/live-rooms', host.url).toString())
  await iv.getByRole('button', { name: 'Invite a candidate to a new live room' }).click()
  const invite = iv.getByRole('dialog', { name: 'Invite a candidate to a new live room' })
  await invite.getByText('Interviewers and tools (optional)').click()
  found.push(...(await check(iv, 'invite to a new live room')))
  await invite.getByRole('button', { name: 'Cancel' }).click()
  await iv.getByRole('article', { name: interview.candidate.name }).getByRole('button', { name: 'Edit Room' }).click()
  const edit = iv.getByRole('dialog', { name: 'Edit Room' })
  await edit.getByRole('combobox', { name: 'Known interviewers' }).waitFor()
  found.push(...(await check(iv, 'edit room')))
  await edit.getByRole('button', { name: 'Cancel' }).click()
  // Inviting a user, and the sign-in page of a browser that is not signed in, in both schemes.
  await iv.goto(new URL('/#/settings/users', host.url).toString())
  await iv.getByRole('button', { name: 'Invite user' }).click()
  const inviteUser = iv.getByRole('dialog', { name: 'Invite a user' })
  await inviteUser.getByRole('textbox', { name: 'Email' }).waitFor()
  found.push(...(await check(iv, 'invite a user')))
  await inviteUser.getByRole('button', { name: 'Cancel' }).click()
  await cand.goto(new URL('/#/interviews', host.url).toString())
  await cand.getByRole('heading', { name: 'Sign in to InterviewDesk' }).waitFor()
  found.push(...(await check(cand, 'sign-in')))
  await cand.emulateMedia({ colorScheme: 'dark' })
  found.push(...(await check(cand, 'sign-in, dark')))
  await cand.emulateMedia({ colorScheme: 'light' })
  // A long template's editor, collapsed, and its read-only preview.
  await iv.goto(new URL(`/#/templates/${template.id}`, host.url).toString())
  await iv.getByRole('group', { name: 'Question 12', exact: true }).waitFor()
  found.push(...(await check(iv, 'template editor, collapsed')))
  await iv.goto(new URL('/#/templates', host.url).toString())
  await iv.getByRole('article', { name: template.name, exact: true }).getByRole('button', { name: 'Preview' }).click()
  const preview = iv.getByRole('dialog', { name: template.name })
  await preview.getByText('Question 1/12').waitFor()
  found.push(...(await check(iv, 'template preview')))
  await iv.emulateMedia({ colorScheme: 'dark' })
  found.push(...(await check(iv, 'template preview, dark')))
  await iv.emulateMedia({ colorScheme: 'light' })
  await preview.getByRole('button', { name: 'Close' }).click()

  await iv.goto(interview.interviewerLink)
  await cand.goto(interview.candidateLink)
  await cand.getByRole('heading', { name: 'Camera, microphone and speakers' }).waitFor()
  found.push(...(await check(cand, 'candidate pre-join')))
  await candidateJoins(cand)
  found.push(...(await check(cand, 'candidate waiting room')))
  // The console's interview page while the candidate waits: its status stands out, in both schemes.
  const details = await recruiter.context.newPage()
  await details.goto(new URL(`/#/interviews/${interview.id}`, host.url).toString())
  await details.getByText(`Candidate ${interview.candidate.name} is ready and waiting.`).waitFor()
  found.push(...(await check(details, 'interview details, candidate waiting')))
  await details.emulateMedia({ colorScheme: 'dark' })
  found.push(...(await check(details, 'interview details, candidate waiting, dark')))
  await screenshot(details, 'interview-details-waiting-dark')
  await details.close()
  await iv.getByRole('button', { name: 'Start interview' }).click()
  await iv.getByRole('button', { name: 'Start technical part' }).click()
  await cand.getByRole('textbox', { name: /^Code editor/ }).waitFor()
  await iv.getByRole('textbox', { name: /^Code editor/ }).waitFor()
  found.push(...(await check(iv, 'interviewer room')))
  found.push(...(await check(cand, 'candidate room')))
  // At 1440×900 the question's rating and Next stay in view without scrolling the page,
  // however long the expected answer (issue: the interviewer scrolled for every question).
  await iv.setViewportSize({ width: 1440, height: 900 })
  // The page itself does not scroll: the workspace and the cockpit scroll inside.
  expect(await iv.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900)
  for (const name of ['Next →', 'Skip']) {
    const box = await iv.getByRole('button', { name, exact: true }).boundingBox()
    expect(box && box.y + box.height <= 900, `${name} is below the fold: ${JSON.stringify(box)}`).toBe(true)
  }
  await screenshot(iv, 'cockpit-question-1440')
  // The same rooms in the dark theme (contrast is checked per scheme).
  for (const p of [iv, cand]) await p.emulateMedia({ colorScheme: 'dark' })
  found.push(...(await check(iv, 'interviewer room, dark')))
  found.push(...(await check(cand, 'candidate room, dark')))
  await iv.goto(new URL('/#/interviews', host.url).toString())
  await iv.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor()
  found.push(...(await check(iv, 'interview list, dark')))
  await iv.goto(new URL('/#/live-rooms', host.url).toString())
  await iv.getByRole('article', { name: interview.candidate.name }).waitFor()
  found.push(...(await check(iv, 'live room, dark')))
  expect(found).toEqual([])
})
