// The desktop app's choice of host (internal/teamhost): this computer's own,
// or a team host the console signs in to. Only the desktop's handler serves
// these routes; everywhere else the console simply has no choice to make.

import { useEffect, useState } from 'react'
import { request } from '../api/client'

/** Which host the desktop console uses. */
export type TeamHostStatus = {
  /** true: a team host; false: this computer's. */
  team: boolean
  /** The team host's origin, e.g. https://interviews.example.com. */
  url?: string
  /** The pinned certificate's fingerprint (a self-signed certificate). */
  certSha256?: string
  signedIn: boolean
  /** The host ended the last session (it expired, or was ended there): sign in again. */
  lapsed?: boolean
}

/** What checking an address found. */
export type Probe = {
  url: string
  /** A certificate authority this computer trusts vouches for its certificate. */
  trusted: boolean
  certSha256: string
  /** Whom the certificate names. */
  subject: string
}

const PATH = '/desktop/team-host'

/** The desktop's choice, or undefined where the console is not the desktop app's (a browser on a host). */
export async function getTeamHost(signal?: AbortSignal): Promise<TeamHostStatus | undefined> {
  let res: Response
  try {
    res = await fetch(PATH, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal })
  } catch {
    return undefined
  }
  if (!res.ok || !(res.headers.get('Content-Type') ?? '').startsWith('application/json')) return undefined
  return (await res.json()) as TeamHostStatus
}

const withPin = (url: string, certSha256?: string) => ({ url, ...(certSha256 ? { certSha256 } : {}) })

/** Looks at a team host's address: its certificate, and that it is an InterviewDesk host. */
export const checkTeamHost = (url: string): Promise<Probe> => request('POST', `${PATH}/check`, { json: withPin(url) })

/** Chooses the team host, confirming its certificate's fingerprint when no authority vouches for it. */
export const connectTeamHost = (url: string, certSha256?: string): Promise<TeamHostStatus> =>
  request('PUT', PATH, { json: withPin(url, certSha256) })

/** Back to this computer's host; the team host's session ends. */
export const leaveTeamHost = (): Promise<TeamHostStatus> => request('DELETE', PATH)

/** The console route of a pasted password link of a host, e.g. "#/set-password/TOKEN". */
export function linkRoute(pasted: string): string | undefined {
  const m = /#\/(set-password|reset-password)\/([A-Za-z0-9_-]+)/.exec(pasted)
  return m ? `#/${m[1]}/${m[2]}` : undefined
}

/** Opens the console afresh at hash, on the host now chosen: every screen loads from there. */
export function restartConsole(hash = '#/interviews'): void {
  window.location.hash = hash
  window.location.reload()
}

/** A host's name and port, as people say it. */
export function hostName(url: string | undefined): string {
  if (!url) return ''
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** A SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` prints it (AB:CD:…), to compare. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':')
}

let loaded: Promise<TeamHostStatus | undefined> | undefined

/** The desktop's choice of host as the page opened with it; undefined until known, and outside the desktop. */
export function useTeamHost(): TeamHostStatus | undefined {
  const [status, setStatus] = useState<TeamHostStatus | undefined>()
  useEffect(() => {
    let live = true
    void (loaded ??= getTeamHost()).then((s) => {
      if (live) setStatus(s)
    })
    return () => {
      live = false
    }
  }, [])
  return status
}
