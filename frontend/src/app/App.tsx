import { Suspense, useEffect, useRef } from 'react'
import { InterviewListPage } from '../interviews/InterviewListPage'
import { onNativeNavigate } from '../platform/native'
import { SetupGate } from '../setup/SetupGate'
import { AccountGate } from '../account/AccountGate'
import { useRights } from '../account/AccountContext'
import { Dialog } from '../ui/Dialog'
import { EmptyState, PageHeader, Skeleton } from '../ui/Feedback'
import { focusTitle } from '../ui/titleFocus'
import { cancelPending, confirmPending, navigate, useRoute, useRouterState, type Route } from './router'
import { ScreenBoundary } from './ScreenBoundary'
import {
  AuditLogPage,
  CampaignFormPage,
  CampaignPage,
  CampaignsPage,
  CandidateProfilePage,
  CandidatesPage,
  CreateInterviewPage,
  InterviewDetailsPage,
  InterviewRoomPage,
  LiveRoomsPage,
  OverviewPage,
  PipelinePage,
  PlaybackPage,
  preloadScreens,
  PrivacySettingsPage,
  ReportPage,
  SettingsPage,
  TemplateEditorPage,
  TemplateListPage,
  UsersPage,
} from './screens'
import { Sidebar } from './Sidebar'
import { ToastProvider } from '../ui/toasts'

function Screen({ route }: { route: Route }) {
  const { administer } = useRights()
  switch (route.name) {
    case 'interviews':
      return <InterviewListPage />
    case 'interview':
      return <InterviewDetailsPage key={route.id} id={route.id} />
    case 'interview-room':
      return <InterviewRoomPage key={route.id} id={route.id} />
    case 'report':
      return <ReportPage key={route.id} id={route.id} />
    case 'playback':
      return <PlaybackPage key={route.id} id={route.id} {...(route.at !== undefined ? { at: route.at } : {})} />
    case 'interview-new':
      return (
        <CreateInterviewPage
          key={`${route.templateId ?? ''}|${route.candidateId ?? ''}`}
          templateId={route.templateId}
          candidateId={route.candidateId}
        />
      )
    case 'candidates':
      return <CandidatesPage q={route.q ?? ''} since={route.since} />
    case 'candidate':
      return <CandidateProfilePage key={route.id} id={route.id} />
    case 'pipeline':
      return <PipelinePage position={route.position ?? ''} />
    case 'campaigns':
      return <CampaignsPage />
    case 'campaign':
      return <CampaignPage key={route.id} id={route.id} />
    case 'campaign-new':
      return <CampaignFormPage key="new" />
    case 'campaign-edit':
      return <CampaignFormPage key={`edit:${route.id}`} id={route.id} />
    case 'overview':
      return <OverviewPage />
    case 'live-rooms':
      return <LiveRoomsPage />
    case 'templates':
      return <TemplateListPage />
    case 'template':
      return <TemplateEditorPage key={route.id} id={route.id} />
    case 'template-new':
      return <TemplateEditorPage key="new" />
    case 'settings':
      // Privacy, backups and the audit log are an admin's; anyone else's Settings is their own account.
      if (route.section === 'privacy' && administer) return <PrivacySettingsPage />
      if (route.section === 'audit' && administer) return <AuditLogPage />
      return <SettingsPage />
    case 'users':
      return administer ? <UsersPage /> : <SettingsPage />
    case 'set-password':
    case 'reset-password':
      return null // AccountGate shows the password page
    case 'not-found':
      return (
        <>
          <PageHeader title="Page not found" />
          <EmptyState title={`Nothing lives at “${route.path}”.`}>
            <a href="#/interviews">Go to interviews</a>
          </EmptyState>
        </>
      )
  }
}

function screenKey(route: Route): string {
  return 'id' in route ? `${route.name}:${route.id}` : route.name
}

export function App() {
  const route = useRoute()
  const { pending } = useRouterState()
  const mainRef = useRef<HTMLElement>(null)
  const key = screenKey(route)
  const first = useRef(true)

  // The desktop opens an interview when its notification is clicked.
  useEffect(() => onNativeNavigate((hash) => navigate(hash)), [])

  // Move focus to the new screen's heading so keyboard and screen-reader users
  // start at the top of what changed (not on the first load): at once, or as
  // soon as the screen (loaded on demand, or waiting for its data) shows it.
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    focusTitle(mainRef.current?.querySelector<HTMLElement>('[data-page-title]') ?? null)
  }, [key])

  // The other screens load once this one is up.
  useEffect(() => preloadScreens(), [])

  return (
    <ToastProvider>
      <AccountGate>
        <SetupGate>
          <a className="skip-link" href="#main" onClick={(e) => {
            e.preventDefault()
            mainRef.current?.focus()
          }}>
            Skip to content
          </a>
          <div className="layout">
            <Sidebar route={route} />
            <main id="main" className="main" ref={mainRef} tabIndex={-1}>
              <ScreenBoundary key={key}>
                <Suspense fallback={<Skeleton lines={6} label="Opening the screen…" />}>
                  <Screen route={route} />
                </Suspense>
              </ScreenBoundary>
            </main>
          </div>
        </SetupGate>
      </AccountGate>
      {pending !== null && (
        <Dialog
          title="Discard unsaved changes?"
          description="You have changes that are not saved. If you leave this page they are lost."
          onClose={cancelPending}
          actions={
            <>
              <button type="button" className="btn" onClick={cancelPending} data-autofocus>
                Keep editing
              </button>
              <button type="button" className="btn btn-danger" onClick={confirmPending}>
                Discard changes
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </ToastProvider>
  )
}
