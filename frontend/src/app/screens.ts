// The console's screens other than the interview list, each its own chunk:
// the list (the screen the console opens on) parses and paints without them,
// and they load one by one in idle time once the first screen is up
// (preloadScreens), so moving to one later finds it ready.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/** A screen loaded on demand; preload fetches it ahead of its first use. */
export type LazyScreen<P> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> }

function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  return Object.assign(
    lazy(async () => ({ default: await load() })),
    { preload: load },
  )
}

export const InterviewDetailsPage = lazyScreen(() => import('../interviews/InterviewDetailsPage').then((m) => m.InterviewDetailsPage))
export const InterviewRoomPage = lazyScreen(() => import('../interviews/InterviewRoomPage').then((m) => m.InterviewRoomPage))
export const CreateInterviewPage = lazyScreen(() => import('../interviews/CreateInterviewPage').then((m) => m.CreateInterviewPage))
export const CandidatesPage = lazyScreen(() => import('../candidates/CandidatesPage').then((m) => m.CandidatesPage))
export const CandidateProfilePage = lazyScreen(() => import('../candidates/CandidateProfilePage').then((m) => m.CandidateProfilePage))
export const PipelinePage = lazyScreen(() => import('../candidates/PipelinePage').then((m) => m.PipelinePage))
export const CampaignsPage = lazyScreen(() => import('../campaigns/CampaignsPage').then((m) => m.CampaignsPage))
export const CampaignPage = lazyScreen(() => import('../campaigns/CampaignPage').then((m) => m.CampaignPage))
export const CampaignFormPage = lazyScreen(() => import('../campaigns/CampaignFormPage').then((m) => m.CampaignFormPage))
export const OverviewPage = lazyScreen(() => import('../overview/OverviewPage').then((m) => m.OverviewPage))
export const LiveRoomsPage = lazyScreen(() => import('../liverooms/LiveRoomsPage').then((m) => m.LiveRoomsPage))
export const TemplateListPage = lazyScreen(() => import('../templates/TemplateListPage').then((m) => m.TemplateListPage))
export const TemplateEditorPage = lazyScreen(() => import('../templates/TemplateEditorPage').then((m) => m.TemplateEditorPage))
export const SettingsPage = lazyScreen(() => import('../settings/SettingsPage').then((m) => m.SettingsPage))
export const PrivacySettingsPage = lazyScreen(() => import('../settings/PrivacySettingsPage').then((m) => m.PrivacySettingsPage))
export const AuditLogPage = lazyScreen(() => import('../settings/AuditLogPage').then((m) => m.AuditLogPage))
export const UsersPage = lazyScreen(() => import('../settings/Users/UsersPage').then((m) => m.UsersPage))
// An interview's report and playback bring their own heavy parts (the player,
// CodeMirror): they load when opened, not ahead.
export const ReportPage = lazyScreen(() => import('../report/ReportPage').then((m) => m.default))
export const PlaybackPage = lazyScreen(() => import('../playback/PlaybackPage').then((m) => m.default))

/** The screens loaded ahead, the likeliest next ones first. */
const AHEAD: Preloadable[] = [
  InterviewDetailsPage, CreateInterviewPage, InterviewRoomPage, CandidatesPage, TemplateListPage, CampaignsPage,
  OverviewPage, LiveRoomsPage, SettingsPage, CandidateProfilePage, PipelinePage, CampaignPage, CampaignFormPage,
  TemplateEditorPage, PrivacySettingsPage, AuditLogPage, UsersPage,
]

type Preloadable = { preload: () => Promise<unknown> }

/** Calls back once the browser is idle (or after timeoutMs); returns a cancel. */
export type WhenIdle = (cb: () => void, timeoutMs: number) => () => void

const whenIdle: WhenIdle = (cb, timeoutMs) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: timeoutMs })
    return () => cancelIdleCallback(id)
  }
  const id = window.setTimeout(cb, 50)
  return () => window.clearTimeout(id)
}

/**
 * Loads the screens ahead of use in idle time, one at a time: each waits for
 * the previous one and for the browser to be idle again (2 s at most), so the
 * loading never competes with what the person does right after the first
 * screen appears (or with a reload). Returns a stop.
 */
export function preloadScreens(screens: readonly Preloadable[] = AHEAD, idle: WhenIdle = whenIdle): () => void {
  let cancel: (() => void) | undefined
  let stopped = false
  const next = (i: number) => {
    if (stopped || i >= screens.length) return
    cancel = idle(() => {
      // A failed load shows when its screen opens (ScreenBoundary).
      void screens[i]!.preload()
        .catch(() => {})
        .then(() => next(i + 1))
    }, 2_000)
  }
  next(0)
  return () => {
    stopped = true
    cancel?.()
  }
}
