import { call } from './client'
import type { Health, Person, Settings } from './types'

export const getSettings = (signal?: AbortSignal): Promise<Settings> => call('GET /api/settings', { signal })

export const saveSettings = (organizer: Person): Promise<Settings> => call('PUT /api/settings', { body: { organizer } })

export const getHealth = (signal?: AbortSignal): Promise<Health> => call('GET /api/health', { signal })
