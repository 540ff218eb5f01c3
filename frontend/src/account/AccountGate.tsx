import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { getAccount, rightsOf, signOut as signOutApi, type Account } from '../api/account'
import { ApiError, NetworkError, earlyAnswer, errorMessage, onSignedOut } from '../api/client'
import { navigate, useRoute } from '../app/router'
import { defaultPushClient } from '../platform/push'
import { Skeleton } from '../ui/Feedback'
import { AccountContext, type AccountState } from './AccountContext'
import { SetPasswordPage } from './SetPasswordPage'
import { SignInPage } from './SignInPage'
import { TeamHostNote } from '../teamhost'
import './account.css'

type Gate =
  | { kind: 'loading' }
  | { kind: 'in'; account: Account }
  | { kind: 'out'; notice?: string }
  | { kind: 'error'; error: unknown }

/** Said on the sign-in page when a session ended while the console was open. */
const ENDED =
  'You were signed out: your session ended (you signed out elsewhere, your password or role changed, or your account was removed). Sign in again to go on.'

/**
 * Shows the console only to a signed-in browser. Without a sign-in, or as
 * soon as the host says it ended (an answer 401, the push stream's
 * signed-out event), the sign-in page takes the console's place at the same
 * address, so signing in lands where the browser meant to go. Password links
 * (#/set-password/TOKEN, #/reset-password/TOKEN) open their page whether or
 * not the browser is signed in.
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const route = useRoute()
  const [gate, setGate] = useState<Gate>(() => {
    const account = earlyAnswer('GET /api/account', {})
    return account ? { kind: 'in', account } : { kind: 'loading' }
  })
  const [attempt, setAttempt] = useState(0)
  const known = useRef(gate.kind === 'in') // from the console's early answer: no need to ask again

  useEffect(() => {
    if (known.current) {
      known.current = false
      return
    }
    const ctrl = new AbortController()
    getAccount(ctrl.signal).then(
      (account) => setGate({ kind: 'in', account }),
      (e: unknown) => {
        if (ctrl.signal.aborted) return
        setGate(e instanceof ApiError && e.code === 'unauthorized' ? { kind: 'out' } : { kind: 'error', error: e })
      },
    )
    return () => ctrl.abort()
  }, [attempt])

  useEffect(
    () => onSignedOut(() => setGate((g) => (g.kind === 'in' ? { kind: 'out', notice: ENDED } : g))),
    [],
  )

  // An account's console keeps the push stream open on every screen, so that
  // its session's end (the account removed, say) signs it out at once.
  const user = gate.kind === 'in' && gate.account.kind === 'user'
  useEffect(() => {
    if (!user) return
    return defaultPushClient().subscribe({ change: () => {}, status: () => {} })
  }, [user])

  const signedIn = useCallback((account: Account) => {
    setGate({ kind: 'in', account })
    defaultPushClient().resume()
  }, [])

  const state = useMemo<AccountState | undefined>(() => {
    if (gate.kind !== 'in') return undefined
    return {
      account: gate.account,
      rights: rightsOf(gate.account.role),
      signOut: async () => {
        await signOutApi()
        setGate({ kind: 'out', notice: 'You are signed out.' })
      },
      update: (account) => setGate({ kind: 'in', account }),
    }
  }, [gate])

  if (route.name === 'set-password' || route.name === 'reset-password') {
    return (
      <SetPasswordPage
        key={route.token}
        token={route.token}
        purpose={route.name === 'set-password' ? 'setup' : 'reset'}
        onDone={(account) => {
          signedIn(account)
          // The link worked once: it leaves the address bar and the history.
          navigate('#/interviews', { replace: true })
        }}
      />
    )
  }
  switch (gate.kind) {
    case 'loading':
      return (
        <div className="auth">
          <Skeleton lines={3} label="Opening InterviewDesk" />
        </div>
      )
    case 'error':
      return (
        <div className="auth">
          <div className="panel panel-error" role="alert">
            <h1 className="panel-title">
              {gate.error instanceof NetworkError ? 'Cannot reach the InterviewDesk host' : 'Could not open the console'}
            </h1>
            <p>{errorMessage(gate.error)}</p>
            <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
              Retry
            </button>
            <TeamHostNote />
          </div>
        </div>
      )
    case 'out':
      return <SignInPage notice={gate.notice} onSignedIn={signedIn} />
    case 'in':
      return <AccountContext.Provider value={state!}>{children}</AccountContext.Provider>
  }
}
