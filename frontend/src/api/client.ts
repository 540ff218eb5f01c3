// The one fetch client for the console API (docs/api.md).
//
// Bodies are always strings: a fetch() with a Blob, File or FormData body
// crashes the Wails webview (PLATFORM.md), so nothing else is accepted here.

import { parse } from './check'
import { dropEarly, peekEarly, takeEarly } from './early'
import { ERROR_CODES, endpoints, type ApiErrorCode, type EndpointKey, type Endpoints } from './contract.gen'

/** An error code the host answers (contract.gen.ts), or "unknown" for anything else. */
export type ErrorCode = ApiErrorCode | 'unknown'

/** A non-2xx answer from the host, parsed from its `{"error": {...}}` body. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Field name → message, for 422 `invalid` answers. */
    readonly fields: Record<string, string> = {},
    /** An imported file's mistakes with their lines, in file order. */
    readonly problems: FileProblem[] = [],
  ) {
    super(message)
  }
}

/** One mistake in an imported file (docs/assessment-format.md, "Errors"). */
export type FileProblem = { line?: number; field: string; message: string }

/** The host could not be reached at all (not running, connection refused, offline). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
  constructor(override readonly cause?: unknown) {
    super('Cannot reach the InterviewDesk host. Check that InterviewDesk is running, then retry.')
  }
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  422: 'invalid',
  429: 'too_many_requests',
  500: 'internal',
}

const fallbackMessage: Record<ErrorCode, string> = {
  bad_request: 'The host did not understand the request.',
  unauthorized: 'This console is not signed in to the host. Sign in again; the host’s owner can also run “interviewdesk console link” where it runs.',
  forbidden: 'You may not do this.',
  not_found: 'It no longer exists. It may have been deleted.',
  conflict: 'That change is not possible in the current state.',
  too_large: 'That is too large to send (the limit is 4 MiB).',
  invalid: 'Check the highlighted fields.',
  internal: 'Something went wrong on the host. Try again; if it persists, check the host log.',
  smtp: 'The mail server refused the message.',
  unavailable: 'A part of the host is not available right now. Try again in a moment.',
  too_many_requests: 'Too many tries from this address. Wait a minute, then try again.',
  unknown: 'The host answered with an unexpected error.',
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Builds an ApiError from a status and the raw response text (any shape). */
export function parseApiError(status: number, bodyText: string): ApiError {
  const byStatus = codeByStatus[status] ?? (status >= 500 ? 'internal' : 'unknown')
  let parsed: unknown
  try {
    parsed = JSON.parse(bodyText)
  } catch {
    parsed = undefined
  }
  const err = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined
  const code =
    err && typeof err.code === 'string' && (ERROR_CODES as readonly string[]).includes(err.code)
      ? (err.code as ApiErrorCode)
      : byStatus
  const message =
    err && typeof err.message === 'string' && err.message.trim() !== ''
      ? err.message
      : fallbackMessage[code]
  const fields: Record<string, string> = {}
  if (err && isRecord(err.fields)) {
    for (const [k, v] of Object.entries(err.fields)) {
      if (typeof v === 'string') fields[k] = v
    }
  }
  const problems: FileProblem[] = []
  if (err && Array.isArray(err.problems)) {
    for (const p of err.problems) {
      if (!isRecord(p) || typeof p.message !== 'string') continue
      problems.push({ message: p.message, field: typeof p.field === 'string' ? p.field : '', ...(typeof p.line === 'number' ? { line: p.line } : {}) })
    }
  }
  return new ApiError(status, code, message, fields, problems)
}

const signedOutListeners = new Set<() => void>()

/**
 * Calls `listener` whenever the host says this console's sign-in ended: an
 * answer 401, or the push stream's signed-out event. Returns its removal.
 */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener)
  return () => {
    signedOutListeners.delete(listener)
  }
}

/** Tells every onSignedOut listener that the sign-in ended. */
export function signedOut(): void {
  for (const l of [...signedOutListeners]) l()
}

export type RequestOptions = {
  /** Sent as JSON.stringify(json). */
  json?: unknown
  /** Sent as is, for bodies that already are JSON text (template import). */
  text?: string
  signal?: AbortSignal
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  let body: string | undefined
  if (opts.text !== undefined) body = opts.text
  else if (opts.json !== undefined) body = JSON.stringify(opts.json)
  const headers: Record<string, string> = { Accept: 'application/json' }
  // Every mutation declares JSON, even an empty one (docs/api.md).
  if (method !== 'GET' && method !== 'HEAD') headers['Content-Type'] = 'application/json'
  let res: Response
  try {
    if (method !== 'GET' && method !== 'HEAD') dropEarly() // what was asked early may change now
    const early = method === 'GET' ? takeEarly(path) : undefined
    res = await (early ?? fetch(path, { method, headers, body, credentials: 'same-origin', signal: opts.signal }))
    // An early answer was not asked with this call's signal: honour it here.
    opts.signal?.throwIfAborted()
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new NetworkError(e)
  }
  if (!res.ok) {
    let text = ''
    try {
      text = await res.text()
    } catch {
      // keep the status-based message
    }
    if (res.status === 401) signedOut()
    throw parseApiError(res.status, text)
  }
  return res
}

/** Calls the API and decodes a JSON answer (undefined for 204). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  if (text === '') return undefined as T
  return JSON.parse(text) as T
}

/** What a call sends: path parameters, the query, the body of the endpoint's type. */
export type CallOptions<K extends EndpointKey> = {
  /** Values of the path's {name} parts. */
  params?: Record<string, string>
  query?: Record<string, string>
  signal?: AbortSignal
} & (Endpoints[K]['request'] extends undefined ? { body?: undefined } : { body: Endpoints[K]['request'] })

/** The endpoint's path with its parameters filled in (encoded) and the query. */
export function endpointPath<K extends EndpointKey>(route: K, opts: CallOptions<K>): string {
  const path = endpoints[route].path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = opts.params?.[name]
    if (v === undefined) throw new Error(`${route}: no value for {${name}}`)
    return seg(v)
  })
  const query = opts.query ? new URLSearchParams(opts.query).toString() : ''
  return query ? `${path}?${query}` : path
}

function bodyOf<K extends EndpointKey>(route: K, opts: CallOptions<K>): RequestOptions {
  const o: RequestOptions = { signal: opts.signal }
  if (opts.body === undefined) return o
  if (endpoints[route].request === 'file') o.text = opts.body as string
  else o.json = opts.body
  return o
}

/**
 * Calls an endpoint of the contract (contract.gen.ts) and checks the answer
 * against it: a body of another shape rejects with a ContractError.
 */
export async function call<K extends EndpointKey>(route: K, opts: CallOptions<K>): Promise<Endpoints[K]['response']> {
  const e = endpoints[route]
  const res = await send(e.method, endpointPath(route, opts), bodyOf(route, opts))
  if (e.response === null || res.status === 204) return undefined as Endpoints[K]['response']
  const text = await res.text()
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = text
  }
  return parse(e.response, value) as Endpoints[K]['response']
}

/**
 * The endpoint's answer if the console asked for it early and it has arrived
 * (api/early), checked against the contract; undefined otherwise, and then
 * the caller calls the endpoint as usual.
 */
export function earlyAnswer<K extends EndpointKey>(route: K, opts: CallOptions<K>): Endpoints[K]['response'] | undefined {
  const e = endpoints[route]
  if (e.method !== 'GET' || e.response === null) return undefined
  const got = peekEarly(endpointPath(route, opts))
  if (!got) return undefined
  try {
    return parse(e.response, got.value) as Endpoints[K]['response']
  } catch {
    return undefined // the call that follows shows the error
  }
}

/** Calls an endpoint that answers a file: its text and the file name the host suggests. */
export async function callFile<K extends EndpointKey>(route: K, opts: CallOptions<K>): Promise<FileAnswer> {
  const e = endpoints[route]
  return requestFile(e.method, endpointPath(route, opts), bodyOf(route, opts))
}

/** Calls the API and returns the answer as text (file downloads such as export). */
export async function requestText(method: string, path: string, opts: RequestOptions = {}): Promise<string> {
  const res = await send(method, path, opts)
  return res.text()
}

export type FileAnswer = { text: string; /** from Content-Disposition, "" when absent */ filename: string }

/** Calls the API for a file: its text and the file name the host suggests. */
export async function requestFile(method: string, path: string, opts: RequestOptions = {}): Promise<FileAnswer> {
  const res = await send(method, path, opts)
  const text = await res.text()
  return { text, filename: dispositionFilename(res.headers.get('Content-Disposition')) }
}

/** The file name of a Content-Disposition header (filename*=UTF-8'' or filename=), "" if none. */
export function dispositionFilename(header: string | null): string {
  if (!header) return ''
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star?.[1]) {
    try {
      return safeFilename(decodeURIComponent(star[1].trim()))
    } catch {
      // fall through to filename=
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(header)
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim() ?? ''
  return safeFilename(utf8FromLatin1(name))
}

/**
 * fetch() hands header bytes over as Latin-1 characters: a raw UTF-8 file name
 * ("interview-øyvind.ics") arrives as "interview-Ã¸yvind.ics". Decode it back
 * when the bytes are valid UTF-8.
 */
function utf8FromLatin1(s: string): string {
  if (!/[\u0080-\u00ff]/.test(s) || /[^\u0000-\u00ff]/.test(s)) return s
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(s, (c) => c.charCodeAt(0)))
  } catch {
    return s
  }
}

/** Strips folders and control characters from a suggested file name. */
function safeFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  return (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
}

/** A user-facing sentence for any error thrown by the client. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError || e instanceof NetworkError) return e.message
  if (e instanceof Error && e.message) return e.message
  return 'Something went wrong.'
}

/** Encodes a path segment (ids, emails). */
export const seg = encodeURIComponent
