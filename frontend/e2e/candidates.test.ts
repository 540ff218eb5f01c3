// Candidates end to end, as a recruiter works: interviews scheduled, a
// take-home results file imported in the console (and a broken one refused
// with its lines), the candidate found in Candidates under the default
// 3-month filter, the profile with the submitted code, a stage moved in the
// Pipeline with the keyboard, and a Live Room created with the results: the
// interviewer's side shows the Assessment panel, the candidate's never
// receives it — until a task's code is opened in the shared editor.
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview, TemplateSummary } from '../src/api/types'
import { api, screenshot, startHost, type Host } from './harness'
import { candidateJoins, framesOfType, openParticipant, recordReceived, setOrganizer, type Participant, type Received } from './room-harness'

const RESULTS = resolve(import.meta.dirname, '../../internal/candidates/testdata/results.json')
const SECOND_TASK_CODE = 'type Limiter struct{ tokens int }'

let host: Host
let recruiter: Participant
let candidate: Participant
let page: Page
let received: Received
let interview: Interview

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  page = recruiter.page
  await setOrganizer(page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

async function schedule(name: string, email: string, position: string) {
  const { templates } = await api<{ templates: TemplateSummary[] }>(page, 'GET', '/api/templates')
  const inTwoDays = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
  await api(page, 'POST', '/api/interviews', {
    templateId: templates.find((t) => t.name === 'Go backend engineer')!.id,
    position,
    candidateName: name,
    candidateEmail: email,
    when: 'later',
    startsAt: inTwoDays,
  })
}

/** Picks files in the console's Import results file dialog. */
async function importFile(files: string | { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import results' }).click()
  await (await chooser).setFiles(files)
}

describe('candidates', () => {
  it('imports take-home results, and refuses a broken file saying where', async () => {
    await schedule('Ivan Petrov', 'ivan@example.com', 'Frontend engineer')
    await schedule('Mei Chen', 'mei@example.com', 'Data engineer')
    await page.goto(new URL('/#/candidates', host.url).toString())
    await page.getByRole('heading', { name: 'Candidates', level: 1 }).waitFor()

    await importFile({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('candidate_name,candidate_email,assessment,completed_at,score,max_score\nAna,ana@example,SQL,someday,3,2\n'),
    })
    const refused = page.getByRole('dialog', { name: 'broken.csv was not imported' })
    await refused.getByRole('cell', { name: 'candidate_email' }).waitFor()
    await refused.getByRole('cell', { name: 'completed_at' }).waitFor()
    await refused.getByRole('cell', { name: /score \(3\) is more than the maximum/ }).waitFor()
    expect(await refused.getByRole('row').count()).toBe(4) // the header and three problems, all on line 2
    await screenshot(page, 'candidates-import-refused')
    await refused.getByRole('button', { name: 'Close' }).click()

    await importFile(RESULTS)
    const done = page.getByRole('dialog', { name: 'Imported 2 take-home results' })
    await done.getByText('2 new, 0 updated; 1 new candidate').waitFor()
    await done.getByRole('button', { name: 'Done' }).click()
  })

  it('finds the candidate under the default 3-month filter, and by position', async () => {
    const filter = page.getByRole('button', { name: /Time filter/ })
    expect(await filter.textContent()).toContain('Last 3 months')
    await page.getByRole('searchbox', { name: /Search candidates/ }).fill('olivia')
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    const row = page.getByRole('row', { name: /Olivia Diaz/ })
    await row.getByText('Take-home done').waitFor()
    await row.getByText('Backend engineer').waitFor()
    expect(await page.getByRole('row').count()).toBe(2)

    await filter.click()
    await page.getByRole('dialog', { name: 'Time filter' }).getByRole('button', { name: 'Clear all' }).click()
    await page.getByRole('dialog', { name: 'Time filter' }).getByRole('button', { name: 'Apply' }).click()
    await expect.poll(() => filter.textContent()).toContain('Any time')
    await row.waitFor()

    await page.getByRole('searchbox', { name: /Search candidates/ }).fill('frontend')
    await page.keyboard.press('Enter')
    await page.getByRole('row', { name: /Ivan Petrov/ }).getByText('Live interview scheduled').waitFor()
    await screenshot(page, 'candidates-search')
    await page.getByRole('searchbox', { name: /Search candidates/ }).fill('olivia')
    await page.keyboard.press('Enter')
    await row.getByRole('link', { name: 'Olivia Diaz' }).click()
  })

  it('shows the profile with the take-home results and the submitted code', async () => {
    await page.getByRole('heading', { name: 'Olivia Diaz', level: 1 }).waitFor()
    const results = page.getByRole('region', { name: 'Take-home results' })
    await results.getByRole('heading', { name: 'Go backend take-home' }).waitFor()
    await results.getByText('82 / 100 (82 %)', { exact: false }).waitFor()
    await results.getByText('Code and tests').first().click()
    await expect.poll(() => results.getByRole('textbox', { name: /Submitted code of “Parse the access log”/ }).textContent()).toContain('counts[l]++')
    await results.getByText('2 of 2 tests passed').waitFor()
    await page.getByRole('textbox', { name: 'Notes about the candidate' }).fill('Strong on Go; ask about the rate limiter.')
    await page.getByRole('button', { name: 'Save notes' }).click()
    await page.getByText('Notes saved.').waitFor()
    await screenshot(page, 'candidate-profile')
  })

  it('moves the stage in the Pipeline with the keyboard', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click()
    await page.getByRole('navigation', { name: 'Roles' }).getByRole('link', { name: /Backend engineer/ }).click()
    const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name} \\(`) })
    const move = column('Take-home done').getByRole('button', { name: /Move to… \(Olivia Diaz/ })
    await move.focus()
    await page.keyboard.press('ArrowDown') // opens the menu on its first stage
    await page.getByRole('menu', { name: 'Move Olivia Diaz to' }).waitFor()
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Live interview scheduled')
    await page.keyboard.press('Enter')
    const moved = column('Live interview scheduled').getByRole('button', { name: /Move to… \(Olivia Diaz/ })
    await moved.waitFor()
    await expect.poll(() => moved.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await column('Take-home done').getByText('No candidates').count()).toBe(1)
    await screenshot(page, 'pipeline')
    await column('Live interview scheduled').getByRole('link', { name: 'Olivia Diaz' }).click()
  })

  it('creates a live room with the take-home results from the profile', async () => {
    await page.getByRole('button', { name: 'Create Live Room' }).click()
    await page.getByRole('heading', { name: 'Interview setup' }).waitFor()
    expect(await page.getByLabel('Candidate name').inputValue()).toBe('Olivia Diaz')
    expect(await page.getByLabel('Candidate email').inputValue()).toBe('olivia@example.com')
    expect(await page.getByLabel('Position').inputValue()).toBe('Backend engineer')
    expect(await page.getByRole('radio', { name: /Bring “Go backend take-home” into the room/ }).isChecked()).toBe(true)
    await page.getByLabel('Interview template').selectOption({ label: 'Go backend engineer — Go backend' })
    await page.getByRole('radio', { name: 'Conduct the interview right now' }).check()
    await page.getByRole('button', { name: 'Save interview' }).click()
    await page.getByRole('link', { name: 'Candidate profile' }).waitFor()
    const id = new URL(page.url()).hash.split('/').pop()!
    interview = await api<Interview>(page, 'GET', `/api/interviews/${id}`)
    expect(interview.takehomeId).toBeTruthy()
  })

  it('shows the Assessment panel to the interviewer, never to the candidate', async () => {
    const cand = candidate.page
    received = recordReceived(cand)
    await page.goto(interview.interviewerLink)
    const panel = page.getByRole('region', { name: 'Assessment: Go backend take-home' })
    await panel.getByText('1. Parse the access log').waitFor()
    await panel.getByText('45 / 50').waitFor()
    await cand.goto(interview.candidateLink)
    await candidateJoins(cand)
    await page.getByRole('button', { name: 'Start interview' }).click()
    await cand.getByRole('textbox', { name: /^Code editor/ }).waitFor()
    expect(await cand.getByText(/Assessment|take-home/i).count()).toBe(0)
    await screenshot(page, 'room-interviewer-assessment')

    await panel.getByRole('button', { name: /^Open in editor.*Parse the access log$/ }).click()
    await page.getByRole('dialog', { name: /Open “Parse the access log” in the shared editor/ }).getByRole('button', { name: 'Show it to the candidate' }).click()
    await expect.poll(() => cand.locator('.cm-content').first().textContent(), { timeout: 10_000 }).toContain('counts[l]++')
    await screenshot(cand, 'room-candidate-after-open')

    await received.settle()
    const everything = [await cand.content(), ...received.frames, ...received.bodies.map((b) => b.body)].join('\n')
    for (const secret of ['Go backend take-home', 'Rate limiter', 'refills over time', SECOND_TASK_CODE, 'cs-7731']) {
      expect(everything, `the candidate received “${secret}”`).not.toContain(secret)
    }
    expect(framesOfType(received.frames, 'takehome')).toHaveLength(0)
    // The positive control: what the interviewer opened did reach the candidate.
    expect(everything).toContain('counts[l]++')
  })
})
