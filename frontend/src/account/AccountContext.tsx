import { createContext, useContext } from 'react'
import { rightsOf, type Account, type Rights } from '../api/account'

/** The signed-in account and what to do with it. */
export type AccountState = {
  account: Account
  rights: Rights
  /** Signs this browser out; the sign-in page follows. */
  signOut: () => Promise<void>
  /** The account changed (renamed, a new password). */
  update: (a: Account) => void
}

/** The owner, with every right: screens outside an AccountGate (tests, previews). */
const owner: Account = { kind: 'owner', name: '', email: '', role: 'admin', accounts: false, canSignOut: false }

export const AccountContext = createContext<AccountState>({
  account: owner,
  rights: rightsOf('admin'),
  signOut: async () => {},
  update: () => {},
})

/** The signed-in account (the owner outside an AccountGate). */
export const useAccount = (): AccountState => useContext(AccountContext)

/** What the signed-in account may see. */
export const useRights = (): Rights => useContext(AccountContext).rights
