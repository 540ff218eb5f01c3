// Answers the console's first screen needs, asked for as soon as its script
// runs instead of one after another as each part mounts (the account, then
// the settings, then the screen's own data). Each early answer serves the
// first GET of its path within a few seconds, once, and only until the console
// changes anything (a sign-in, say); every other call goes to the host as
// usual, so nothing is served stale. An answer that has already
// arrived can also be read at once (peekEarly), so the first screen renders
// with its data instead of a loading state.

/** How long an early answer waits to be taken before it is dropped. */
export const EARLY_FOR_MS = 5_000

/** An answer as it arrived: enough to make the Response the client reads. */
type Arrived = { status: number; text: string; disposition: string | null }

type Entry = { answer: Promise<Arrived>; arrived?: Arrived }

const early = new Map<string, Entry>()

/** Starts a GET for each path now; the client's first GET of it takes the answer. */
export function requestEarly(paths: readonly string[]): void {
  for (const path of paths) {
    const answer = fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(
      async (res): Promise<Arrived> => ({ status: res.status, text: await res.text(), disposition: res.headers.get('Content-Disposition') }),
    )
    const entry: Entry = { answer }
    // A failure is seen by the call that takes it; an answer nobody takes fails nobody.
    answer.then((a) => (entry.arrived = a), () => {})
    early.set(path, entry)
    setTimeout(() => {
      if (early.get(path) === entry) early.delete(path)
    }, EARLY_FOR_MS)
  }
}

/** Drops every early answer not taken yet: called before any request that changes something. */
export function dropEarly(): void {
  early.clear()
}

/** Resolves once every early answer has arrived or failed, or after ms, whichever is first. */
export function earlyAnswersIn(ms: number): Promise<void> {
  const all = Promise.allSettled([...early.values()].map((e) => e.answer)).then(() => {})
  return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, ms))])
}

/** The early answer for path as a Response, once; undefined when none was asked for (or it was taken or dropped). */
export function takeEarly(path: string): Promise<Response> | undefined {
  const entry = early.get(path)
  if (!entry) return undefined
  early.delete(path)
  return entry.answer.then(toResponse)
}

/**
 * The early answer for path if it has arrived and succeeded, taken: its JSON
 * body. undefined otherwise (not asked for, still on its way, an error, taken):
 * the caller then asks the host as usual, which also shows any error.
 */
export function peekEarly(path: string): { value: unknown } | undefined {
  const a = early.get(path)?.arrived
  if (!a || a.status < 200 || a.status > 299 || a.text === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(a.text)
  } catch {
    return undefined
  }
  early.delete(path)
  return { value }
}

function toResponse(a: Arrived): Response {
  const headers = a.disposition ? { 'Content-Disposition': a.disposition } : undefined
  const body = a.status === 204 || a.status === 205 || a.status === 304 ? null : a.text
  return new Response(body, { status: a.status, headers })
}
