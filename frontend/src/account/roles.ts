import type { UserRole } from '../api/account'

/** Each role as the Users screen offers it, most rights first. */
export const ROLES: { role: UserRole; label: string; rights: string }[] = [
  { role: 'admin', label: 'Admin', rights: 'Users and settings, and everything a recruiter does.' },
  { role: 'recruiter', label: 'Recruiter', rights: 'Interviews, candidates and templates.' },
  { role: 'interviewer', label: 'Interviewer', rights: 'Only the interviews they are an interviewer of, and their results.' },
]

export const roleLabel = (r: UserRole): string => ROLES.find((x) => x.role === r)?.label ?? r

/** "an admin", "a recruiter". */
export const withArticle = (r: UserRole): string => `${r === 'recruiter' ? 'a' : 'an'} ${roleLabel(r).toLowerCase()}`
