// The one fetch client for the console API (docs/api.md).
//
// Bodies are always strings: a fetch() with a Blob, File or FormData body
// crashes the Wails webview (PLATFORM.md), so nothing else is accepted here.

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'invalid'
  | 'internal'
  | 'smtp'
  | 'unknown'

/** A non-2xx answer from the host, parsed from its `{"error": {...}}` body. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Field name → message, for 422 `invalid` answers. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
  }
}

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
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  422: 'invalid',
  500: 'internal',
}

const fallbackMessage: Record<ErrorCode, string> = {
  bad_request: 'The host did not understand the request.',
  unauthorized: 'This console is not signed in to the host. Open the console login link again.',
  not_found: 'It no longer exists. It may have been deleted.',
  conflict: 'That change is not possible in the current state.',
  too_large: 'That is too large to send (the limit is 4 MiB).',
  invalid: 'Check the highlighted fields.',
  internal: 'Something went wrong on the host. Try again; if it persists, check the host log.',
  smtp: 'The mail server refused the message.',
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
    err && typeof err.code === 'string' && err.code in fallbackMessage
      ? (err.code as ErrorCode)
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
  return new ApiError(status, code, message, fields)
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
    res = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
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
