// Test support for the API modules: a JSON answer and a stubbed global fetch.
// The unit tests replace fetch because happy-dom has no host to talk to; the
// end-to-end tests run the same calls against the real host.
import { vi } from 'vitest'

/** A JSON answer with the given status. */
export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status })

/** Replaces the global fetch with answer; undo with vi.unstubAllGlobals(). */
export function stubFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const fn = vi.fn(async (url: string, init: RequestInit) => answer(url, init))
  vi.stubGlobal('fetch', fn)
  return fn
}
