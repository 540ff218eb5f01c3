// The console's account and the team host's users (docs/api.md, "Accounts").

import { call } from './client'
import type {
  Account,
  InvitedUser,
  PasswordLinkInfo,
  SetupDelivery,
  User,
  UserInvite,
  UserRole,
} from './contract.gen'

export type { Account, InvitedUser, PasswordLinkInfo, PasswordLinkPurpose, SetupDelivery, User, UserRole } from './contract.gen'

export const getAccount = (signal?: AbortSignal): Promise<Account> => call('GET /api/account', { signal })

export const signIn = (email: string, password: string): Promise<Account> =>
  call('POST /api/account/sign-in', { body: { email, password } })

export const signOut = (): Promise<void> => call('POST /api/account/sign-out', {})

export const requestReset = (email: string): Promise<void> => call('POST /api/account/password-reset', { body: { email } })

export const passwordLink = (token: string, signal?: AbortSignal): Promise<PasswordLinkInfo> =>
  call('POST /api/account/password-link', { body: { token }, signal })

export const setPassword = (token: string, password: string): Promise<Account> =>
  call('POST /api/account/password', { body: { token, password } })

export const changePassword = (current: string, password: string): Promise<Account> =>
  call('PUT /api/account/password', { body: { current, password } })

export const renameAccount = (name: string): Promise<Account> => call('PUT /api/account', { body: { name } })

export const listUsers = async (signal?: AbortSignal): Promise<User[]> => (await call('GET /api/users', { signal })).users ?? []

export const inviteUser = (invite: UserInvite): Promise<InvitedUser> => call('POST /api/users', { body: invite })

export const setUserRole = (id: string, role: UserRole): Promise<User> =>
  call('PUT /api/users/{id}/role', { params: { id }, body: { role } })

export const removeUser = (id: string): Promise<void> => call('DELETE /api/users/{id}', { params: { id } })

export const resendSetup = (id: string, delivery: SetupDelivery): Promise<InvitedUser> =>
  call('POST /api/users/{id}/setup-link', { params: { id }, body: { delivery } })

/** What a role may see in the console (the host checks every route itself). */
export type Rights = {
  /** Interviews of every kind, templates, Live Room, invitations. */
  recruit: boolean
  /** Users and the settings beyond the own profile. */
  administer: boolean
}

export function rightsOf(role: UserRole): Rights {
  return { recruit: role !== 'interviewer', administer: role === 'admin' }
}

/** The password rules, as the host states them (internal/accounts). */
export const PASSWORD_RULES =
  'At least 12 characters; not your email address or name, and not a common password. A few unrelated words make a strong one that is easy to remember.'

export const MIN_PASSWORD_LENGTH = 12
