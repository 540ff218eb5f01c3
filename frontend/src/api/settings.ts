import { request } from './client'
import type { Health, Person, Settings } from './types'

export const getSettings = (signal?: AbortSignal) => request<Settings>('GET', '/api/settings', { signal })

export const saveSettings = (organizer: Person) => request<Settings>('PUT', '/api/settings', { json: { organizer } })

export const getHealth = (signal?: AbortSignal) => request<Health>('GET', '/api/health', { signal })
