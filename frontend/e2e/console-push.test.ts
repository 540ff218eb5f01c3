// The console follows the room without polling: the interview page's Room card
// changes as the candidate arrives, over the host's event stream, with no
// further presence requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Interview } from '../src/api/types'
import { startHost, type Host } from './harness'
import { candidateJoins, createInterview, openParticipant, setOrganizer, type Participant } from './room-harness'

let host: Host
let recruiter: Participant
let candidate: Participant
let interview: Interview
let consolePage: Page
const presenceGets: string[] = []
const streams: string[] = []

beforeAll(async () => {
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host)
  await setOrganizer(recruiter.page)
  ;({ interview } = await createInterview(recruiter.page))
  consolePage = recruiter.page
  consolePage.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path === `/api/interviews/${interview.id}/presence`) presenceGets.push(path)
    if (path === '/api/stream') streams.push(r.resourceType())
  })
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
})

describe('the console hears the room', () => {
  it('updates the Room card as the candidate opens the link and gets ready, without asking again', async () => {
    await consolePage.goto(new URL(`/#/interviews/${interview.id}`, host.url).toString())
    const room = consolePage.getByRole('region', { name: 'Room' })
    await room.getByText('Candidate Olivia Diaz has not joined yet.').waitFor()
    expect(streams).toEqual(['eventsource'])
    // The page loads the status, and again once the stream says hello.
    await expect.poll(() => presenceGets.length).toBe(2)

    await candidate.page.goto(interview.candidateLink)
    await room.getByText('Candidate Olivia Diaz is checking their devices.').waitFor()
    await candidateJoins(candidate.page)
    await room.getByText('Candidate Olivia Diaz is ready and waiting.').waitFor()
    expect(presenceGets.length).toBe(2)
    expect(await room.getByText('The status could not be refreshed').count()).toBe(0)
  })
})
