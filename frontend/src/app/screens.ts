// The console's screens other than the interview list, each its own chunk:
// the list (the screen the console opens on) parses and paints without them,
// and they load once the first screen is up (preloadScreens), so moving to
// one later finds it ready.
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

const AHEAD: { preload: () => Promise<unknown> }[] = [
  InterviewDetailsPage, InterviewRoomPage, CreateInterviewPage, CandidatesPage, CandidateProfilePage, PipelinePage,
  CampaignsPage, CampaignPage, CampaignFormPage, OverviewPage, LiveRoomsPage, TemplateListPage, TemplateEditorPage,
  SettingsPage, PrivacySettingsPage, AuditLogPage, UsersPage,
]

/** Fetches the screens ahead of use once the browser is idle (a second after the first screen at most). */
export function preloadScreens(): () => void {
  const load = () => {
    for (const s of AHEAD) void s.preload().catch(() => {}) // a failed load shows when its screen opens (ScreenBoundary)
  }
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(load, { timeout: 1_000 })
    return () => cancelIdleCallback(id)
  }
  const id = window.setTimeout(load, 300)
  return () => window.clearTimeout(id)
}
