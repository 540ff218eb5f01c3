// The analysis with the transcription engine set to an OpenAI-compatible
// service: the recruiter configures it in Settings → Analysis engines and
// tests it, the candidate answers question 1 aloud (espeak-ng as the fake
// microphone), and after the interview the host uploads each track to the
// service. The service here is a small node:http server inside this test
// that speaks the protocol and answers every upload with a fixed text built
// from the question's key points: no speech model runs. The offline scorer
// then finds those key points covered, citing that text, in the preliminary
// assessment as question 1 closes and in the analysis after the interview.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHost, type Host } from './harness'
import { openParticipant, setOrganizer, type Participant } from './room-harness'
import { answerQuestionOne, cockpit, finishedAnalysis, spokenAnswer } from './speech-harness'

/** One upload as the service received it. */
type Upload = { auth: string | undefined; model: string; format: string; seconds: number }

/**
 * An OpenAI-compatible speech service on loopback: GET /v1/models, and POST
 * /v1/audio/transcriptions answered in verbose_json with say() as a segment
 * every 3 seconds of the uploaded audio, so that the text lands in whatever
 * question's window the audio spans.
 */
function startSpeechService(say: () => string): Promise<{ server: Server; url: string; uploads: Upload[] }> {
  const uploads: Upload[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/json')
      if (req.method === 'GET' && req.url === '/v1/models') {
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'test-whisper', object: 'model' }] }))
        return
      }
      if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
        res.writeHead(404).end(JSON.stringify({ error: { message: `no ${req.method} ${req.url}` } }))
        return
      }
      const body = Buffer.concat(chunks)
      const field = (name: string) => new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)`).exec(body.toString('latin1'))?.[1] ?? ''
      const seconds = wavSeconds(body)
      uploads.push({ auth: req.headers.authorization, model: field('model'), format: field('response_format'), seconds })
      const segments = []
      for (let start = 0; start + 3 <= seconds; start += 3)
        segments.push({ id: segments.length, start, end: start + 2.5, text: ` ${say()}`, avg_logprob: -0.1 })
      const text = segments.map((x) => x.text).join('')
      res.end(JSON.stringify({ task: 'transcribe', language: 'en', duration: seconds, text, segments }))
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, url: `http://127.0.0.1:${port}/v1`, uploads })
    }),
  )
}

/** The length of the WAV file (16 kHz mono 16-bit, as the host sends) in a multipart body. */
function wavSeconds(body: Buffer): number {
  let pos = body.indexOf('RIFF') + 12
  while (pos > 12 && pos + 8 <= body.length) {
    const id = body.toString('latin1', pos, pos + 4)
    const n = body.readUInt32LE(pos + 4)
    if (id === 'data') return Math.min(n, body.length - pos - 8) / (16000 * 2)
    pos += 8 + n + (n % 2)
  }
  return 0
}

let host: Host
let recruiter: Participant
let candidate: Participant
let dir: string
let service: Awaited<ReturnType<typeof startSpeechService>>
let known = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interviewdesk-e2e-remote-'))
  const voice = spokenAnswer(dir, 'A slice header holds a pointer, a length and a capacity.')
  service = await startSpeechService(() => known)
  host = await startHost()
  recruiter = await openParticipant(host, { login: true })
  candidate = await openParticipant(host, { args: [`--use-file-for-fake-audio-capture=${voice}`] })
  await setOrganizer(recruiter.page)
})

afterAll(async () => {
  await candidate?.close()
  await recruiter?.close()
  await host?.stop()
  await new Promise((done) => service?.server.close(done))
  rmSync(dir, { recursive: true, force: true })
})

it('transcribes with the configured service and scores its text: the key points it names are covered', async () => {
  const iv = recruiter.page
  const serviceHost = new URL(service.url).host

  // Settings → Analysis engines, as a recruiter sets it up.
  await iv.goto(new URL('/#/settings', host.url).toString())
  const card = iv.getByRole('region', { name: 'Analysis engines' })
  await card.getByText('its transcripts are poor, especially on accents', { exact: false }).waitFor()
  const speech = card.getByRole('group', { name: 'Transcription' })
  await speech.getByRole('radio', { name: 'OpenAI-compatible speech service' }).check()
  await speech.getByRole('textbox', { name: 'Service address' }).fill(service.url)
  await speech.getByRole('textbox', { name: 'Model' }).fill('test-whisper')
  await speech.getByLabel('Key', { exact: true }).fill('sk-test')
  await card.getByRole('button', { name: 'Save analysis engines' }).click()
  await card.getByText('A key is saved').waitFor()
  await card.getByRole('button', { name: 'Test connection' }).click()
  await card
    .getByText(`✓ Transcription: The service at ${serviceHost} answered: model test-whisper transcribed a second of silence.`)
    .waitFor()
  expect(service.uploads).toEqual([{ auth: 'Bearer sk-test', model: 'test-whisper', format: 'verbose_json', seconds: 1 }])
  service.uploads.length = 0

  // The interview: the candidate answers question 1 aloud. The service's
  // text names the question's first three key points.
  let points: string[] = []
  const { interview } = await answerQuestionOne(iv, candidate.page, async ({ template }) => {
    points = template.questions[0]!.keyPoints ?? []
    expect(points.length).toBeGreaterThanOrEqual(3)
    known = `A ${points[0]}. And ${points[1]}; ${points[2]}.`
    // Moving on closes question 1's window: the preliminary assessment comes from the service's text too.
    await cockpit(iv).getByRole('button', { name: 'Next →' }).click()
    const assessment = cockpit(iv).getByRole('region', { name: 'AI assessment (preliminary)' })
    const heard = assessment.getByText(/^Heard: /)
    await heard.waitFor({ timeout: 30_000 })
    for (const point of points.slice(0, 3)) expect(await heard.textContent()).toContain(point)
  })

  const a = await finishedAnalysis(iv, interview.id, 60_000)
  expect(a.status, a.error).toBe('done')
  expect(a.engines.transcription).toBe(`OpenAI-compatible service at ${serviceHost} (model test-whisper)`)
  expect(a.engines.transcriptionQuality).toBe("Transcribed by the speech service you configured; its accuracy is that service's.")
  // Every upload with the saved model and key: question 1's clip (8 s and more) for the preliminary
  // assessment, the short clip of question 2 as the interview ended, both microphones' whole tracks.
  const uploads = JSON.stringify(service.uploads)
  expect(service.uploads.every((u) => u.auth === 'Bearer sk-test' && u.model === 'test-whisper'), uploads).toBe(true)
  expect(service.uploads.filter((u) => u.seconds > 8).length, uploads).toBeGreaterThanOrEqual(3)

  const said = a.transcript.filter((l) => l.role === 'candidate' && l.question === 0).map((l) => l.text)
  expect(said.length, JSON.stringify(a.transcript)).toBeGreaterThan(0)
  expect(new Set(said)).toEqual(new Set([known]))
  expect(a.talkTime.find((t) => t.role === 'candidate' && t.question === 0)?.ms ?? 0).toBeGreaterThan(2000)
  const answer = a.answers.find((x) => x.index === 0)!
  expect(answer.answer).toBe(said.join(' '))
  // Evidence quotes the answer: the known text, once or across two of its copies.
  const twice = `${known} ${known}`.toLowerCase()
  for (const point of points.slice(0, 3)) {
    const covered = answer.covered.find((c) => c.text === point)
    expect(covered, `${point} in ${JSON.stringify(answer.covered)}`).toBeDefined()
    const quotes = (covered!.evidence ?? '').split(' … ').filter((q) => q !== '')
    expect(quotes.length).toBeGreaterThan(0)
    for (const q of quotes) expect(twice).toContain(q.toLowerCase())
  }
})
