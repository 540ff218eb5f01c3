// The shared link's public routes (docs/api.md, "Link pages"): the token is
// the whole authorisation, and the answers name no one else.
import type { ApiErrorBody, CandidateBooking, PublicCampaign, Registered, Registrant } from '../api/contract.gen'

/** An answer that is not 2xx, with the fields it names. */
export class RegistrationError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
    /** The HTTP status; 0 when the host was not reached. */
    readonly status = 0,
  ) {
    super(message)
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, { ...init, headers: { 'Content-Type': 'application/json' }, credentials: 'omit' })
  } catch {
    throw new RegistrationError('The interview host cannot be reached. Check your connection and try again.')
  }
  const body: unknown = await res.json().catch(() => undefined)
  if (!res.ok) {
    const err = (body as ApiErrorBody | undefined)?.error
    throw new RegistrationError(err?.message ?? `The host answered ${res.status}. Try again in a minute.`, err?.fields ?? {}, res.status)
  }
  return body as T
}

export const campaignInfo = (token: string) => call<PublicCampaign>(`/apply/${encodeURIComponent(token)}/info`)

export const register = (token: string, r: Registrant) =>
  call<Registered>(`/apply/${encodeURIComponent(token)}/register`, { method: 'POST', body: JSON.stringify(r) })

const bookingPath = (candidateToken: string) => `/join/${encodeURIComponent(candidateToken)}/booking`

/** The campaign booking behind a candidate's own link; 404 (a RegistrationError) when it was not booked through one. */
export const candidateBooking = (candidateToken: string) => call<CandidateBooking>(bookingPath(candidateToken))

/** Moves the candidate's interview to another of the campaign's slots. */
export const moveBooking = (candidateToken: string, startsAt: string) =>
  call<CandidateBooking>(bookingPath(candidateToken), { method: 'POST', body: JSON.stringify({ startsAt }) })

export const cancelBooking = (candidateToken: string) =>
  call<CandidateBooking>(bookingPath(candidateToken), { method: 'DELETE' })
