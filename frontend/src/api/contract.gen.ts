// InterviewDesk console API (docs/api.md): generated from internal/web/contract.go; do not edit.

/** How long an interview may last, in minutes (templates.MinDuration, templates.MaxDuration). */
export const DURATION_MINUTES = {"min":15,"max":240} as const

/** The code languages, in the order pickers show them (collab.Languages). */
export const LANGUAGES = ["plaintext","go","python","javascript","typescript","java","cpp","sql"] as const

/** A question's starter code may have at most this many characters (templates.MaxStarterCode). */
export const STARTER_CODE_MAX = 100000 as const

/** The pipeline's stages, in order (candidates.Stages). */
export const CANDIDATE_STAGES = ["applied","takehome_done","live_scheduled","interviewed","offer","hired","rejected"] as const

/** The candidate search's time filters, shortest first (candidates.Sinces); 3m is the default. */
export const CANDIDATE_SINCE = ["7d","30d","3m","6m","12m","all"] as const

/** A candidate's notes may have at most this many characters (candidates.MaxNotes). */
export const CANDIDATE_NOTES_MAX = 50000 as const

/** The kinds of audit log entries, in the order filters offer them (audit.Kinds). */
export const AUDIT_KINDS = ["sign-in","users","settings","deletion","export","erasure","backup","restore","retention"] as const

/** The longest retention period, in days (privacy.MaxRetentionDays); 0 keeps data until deleted. */
export const RETENTION_MAX_DAYS = 36500 as const

/** A new install's retention (privacy.DefaultRetention). */
export const RETENTION_DEFAULT = {"recordingsDays":90,"interviewDataDays":730} as const

/** How many interviews the list's first page asks for (a screenful; later pages are larger). */
export const FIRST_LIST_PAGE = 25 as const

/** The GETs the console page's Link header has the browser start at once: what the interview list (the first screen) asks for first, with the default tab. */
export const FIRST_SCREEN_PRELOADS = ["/api/account","/api/settings","/api/interviews?tense=upcoming\u0026limit=25"] as const

/** Every error code an answer's `error.code` may be. */
export const ERROR_CODES = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'too_large', 'invalid', 'internal', 'smtp', 'unavailable', 'too_many_requests'] as const
export type ApiErrorCode = (typeof ERROR_CODES)[number]

/** The error codes any endpoint may answer. */
export const COMMON_ERRORS: readonly ApiErrorCode[] = ['unauthorized', 'too_many_requests', 'forbidden', 'bad_request', 'too_large', 'unavailable', 'internal']

export type ApiErrorBody = {
  error: ApiErrorDetail
}

export type ApiErrorDetail = {
  code: string
  message: string
  fields?: Record<string, string>
  problems?: ApiProblem[]
}

export type ApiProblem = {
  line?: number
  field: string
  message: string
}

export type PublicCampaign = {
  name: string
  position: string
  mode: CampaignMode
  timeZone: string
  durationMinutes: number
  deadline?: string
  state: CampaignState
  slots: PublicSlot[]
  candidateChanges: boolean
  changeHours: number
  consent: ConsentTexts
}

export type CampaignMode = 'slots' | 'now'

export type CampaignState = 'open' | 'closed' | 'full' | 'expired'

export type PublicSlot = {
  startsAt: string
  durationMinutes: number
  seatsLeft: number
}

export type ConsentTexts = {
  version: string
  noticeTitle: string
  notice: string
  personalData: string
  aiAnalysis: string
  aiAnalysisHint: string
  recording: string
  recordingHint: string
}

export type Registrant = {
  name: string
  email: string
  consent: RegistrationConsent
  startsAt?: string
  timeZone?: string
}

export type RegistrationConsent = {
  personalData: boolean
  aiAnalysis: boolean
  recordingNotice: boolean
  textsVersion?: string
}

export type Registered = {
  existing: boolean
  position: string
  startsAt?: string
  durationMinutes: number
  candidateLink?: string
  message: string
}

export type CandidateBooking = {
  position: string
  campaign: string
  mode: CampaignMode
  startsAt: string
  durationMinutes: number
  status: RegistrationStatus
  canChange: boolean
  changeUntil?: string
  rule: string
  slots: PublicSlot[]
}

export type RegistrationStatus = 'booked' | 'cancelled'

export type BookingChange = {
  startsAt: string
}

export type Health = {
  version: string
  dataDir: string
  publicUrl: string
}

export type Settings = {
  organizer: Person
  defaultTimeZone: string
  publicUrl: string
}

export type Person = {
  name: string
  email: string
}

export type SettingsUpdate = {
  organizer?: Person
  defaultTimeZone?: string
}

export type Account = {
  kind: AccountKind
  id?: string
  name: string
  email: string
  role: UserRole
  accounts: boolean
  canSignOut: boolean
}

export type AccountKind = 'owner' | 'user'

export type UserRole = 'admin' | 'recruiter' | 'interviewer'

export type ProfileUpdate = {
  name: string
}

export type SignInRequest = {
  email: string
  password: string
}

export type PasswordResetRequest = {
  email: string
}

export type PasswordLinkRequest = {
  token: string
}

export type PasswordLinkInfo = {
  purpose: PasswordLinkPurpose
  email: string
  name: string
  expiresAt: string
}

export type PasswordLinkPurpose = 'setup' | 'reset'

export type NewPasswordRequest = {
  token: string
  password: string
}

export type PasswordChangeRequest = {
  current: string
  password: string
}

export type UserList = {
  users: User[]
}

export type User = {
  id: string
  email: string
  name: string
  role: UserRole
  active: boolean
  createdAt: string
  invitedAt?: string
  lastSignInAt?: string
}

export type UserInvite = {
  email: string
  name: string
  role: UserRole
  delivery?: SetupDelivery
}

export type SetupDelivery = 'mail' | 'link'

export type InvitedUser = {
  user: User
  setup: SetupLinkSent
}

export type SetupLinkSent = {
  mailed: boolean
  link?: string
  expiresAt: string
}

export type RoleChange = {
  role: UserRole
}

export type SetupLinkRequest = {
  delivery?: SetupDelivery
}

export type TemplateList = {
  templates: TemplateSummary[]
}

export type TemplateSummary = {
  id: string
  name: string
  specialization: string
  description: string
  durationMinutes: number
  technical: boolean
  builtIn: boolean
  topicCount: number
  questionCount: number
  updatedAt: string
}

export type TemplateFields = {
  name: string
  specialization: string
  description: string
  durationMinutes: number
  plan: Topic[]
  questions: Question[]
}

export type Topic = {
  id?: string
  title: string
  hint?: string
}

export type Question = {
  id?: string
  text: string
  alternative: string
  expectedAnswer: string
  keyPoints?: string[]
  starterCode?: string
  language?: Language
}

export type Language = 'plaintext' | 'go' | 'python' | 'javascript' | 'typescript' | 'java' | 'cpp' | 'sql'

export type Template = {
  id: string
  name: string
  specialization: string
  description: string
  durationMinutes: number
  plan: Topic[]
  questions: Question[]
  technical: boolean
  builtIn: boolean
  createdAt: string
  updatedAt: string
}

export type InterviewList = {
  interviews: InterviewSummary[]
  total: number
}

export type InterviewSummary = {
  id: string
  position: string
  candidate: Person
  campaign: string
  campaignId?: string
  startsAt: string
  timeZone: string
  endsAt: string
  status: InterviewStatus
  tense: Tense
  templateName: string
}

export type InterviewStatus = 'scheduled' | 'cancelled' | 'finished'

export type Tense = 'upcoming' | 'past' | 'cancelled'

export type Overview = {
  rows: OverviewRow[]
}

export type OverviewRow = {
  interview: InterviewSummary
  analysis?: AnalysisSummary
}

export type AnalysisSummary = {
  status: AnalysisStatus
  score: number
  rating?: number
  answered: number
}

export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed' | 'declined'

export type NewInterview = {
  templateId: string
  position: string
  candidateName: string
  candidateEmail: string
  when: When
  startsAt?: string
  timeZone?: string
  campaign?: string
  durationMinutes?: number
  takehomeId?: string
}

export type When = 'now' | 'later'

export type Interview = {
  id: string
  position: string
  candidate: Person
  campaign: string
  campaignId?: string
  startsAt: string
  timeZone: string
  durationMinutes: number
  endsAt: string
  status: InterviewStatus
  tense: Tense
  template: TemplateRef
  tools: RoomTools
  interviewers: Interviewer[]
  candidateLink: string
  interviewerLink: string
  createdAt: string
  updatedAt: string
  sequence: number
  takehomeId?: string
  resultsClosed: boolean
}

export type TemplateRef = {
  id: string
  name: string
  specialization: string
  technical: boolean
  topicCount: number
  questionCount: number
}

export type RoomTools = {
  liveCode: boolean
  whiteboard: boolean
}

export type Interviewer = {
  name: string
  email: string
  link: string
}

export type Reschedule = {
  startsAt: string
  timeZone?: string
}

export type CandidateList = {
  candidates: CandidateSummary[]
  total: number
}

export type CandidateSummary = {
  id: string
  name: string
  email: string
  applications: CandidateApplication[]
  campaigns: string[]
  interviews: number
  takehome: number
  lastActivityAt: string
  nextInterviewAt?: string
}

export type CandidateApplication = {
  position: string
  stage: CandidateStage
  stageAt: string
  appliedAt: string
  campaignId?: string
}

export type CandidateStage = 'applied' | 'takehome_done' | 'live_scheduled' | 'interviewed' | 'offer' | 'hired' | 'rejected'

export type ResultsFile = {
  name: string
  content: string
}

export type ImportReport = {
  imported: number
  created: number
  updated: number
  newCandidates: number
  results: ImportedResult[]
}

export type ImportedResult = {
  id: string
  position?: string
  assessment: string
  completedAt: string
  score: number
  maxScore: number
  tasks: number
  candidateId: string
  candidateName: string
  updated: boolean
}

export type Candidate = {
  id: string
  name: string
  email: string
  notes: string
  applications: CandidateApplication[]
  interviews: InterviewSummary[]
  takehome: TakehomeResultSummary[]
  history: CandidateChange[]
  createdAt: string
  updatedAt: string
  lastActivityAt: string
  revision: number
}

export type TakehomeResultSummary = {
  id: string
  position?: string
  assessment: string
  completedAt: string
  score: number
  maxScore: number
  tasks: number
}

export type CandidateChange = {
  at: string
  kind: CandidateChangeKind
  position?: string
  from?: string
  to?: string
  by: CandidateChangeBy
}

export type CandidateChangeKind = 'created' | 'renamed' | 'email' | 'stage' | 'takehome'

export type CandidateChangeBy = 'recruiter' | 'interview' | 'import' | 'upgrade'

export type CandidateUpdate = {
  name?: string
  email?: string
  notes?: string
}

export type StageMove = {
  position: string
  stage: CandidateStage
}

export type CandidateInterviews = {
  interviews: InterviewSummary[]
}

export type CandidateResults = {
  results: TakehomeResult[]
}

export type TakehomeResult = {
  id: string
  externalId?: string
  candidateId: string
  candidate: Person
  position?: string
  assessment: string
  completedAt: string
  score: number
  maxScore: number
  tasks: TakehomeTask[]
  source: string
  importedAt: string
  updatedAt: string
}

export type TakehomeTask = {
  title: string
  language?: string
  editorLanguage: Language
  score: number
  maxScore: number
  timeSpentSeconds?: number
  code?: string
  tests?: TakehomeTest[]
}

export type TakehomeTest = {
  name: string
  passed: boolean
  message?: string
}

export type Pipeline = {
  roles: PipelineRole[]
  position: string
  columns: PipelineColumn[]
}

export type PipelineRole = {
  position: string
  candidates: number
}

export type PipelineColumn = {
  stage: CandidateStage
  candidates: CandidateSummary[]
}

export type CampaignList = {
  campaigns: CampaignSummary[]
}

export type CampaignSummary = {
  id: string
  name: string
  position: string
  mode: CampaignMode
  status: CampaignStatus
  state: CampaignState
  seats: number
  booked: number
  registered: number
  token: string
  deadline?: string
  createdAt: string
  link: string
}

export type CampaignStatus = 'open' | 'closed'

export type CampaignInput = {
  name: string
  position: string
  templateId: string
  interviewers?: Person[]
  timeZone?: string
  mode: CampaignMode
  durationMinutes?: number
  rules?: SlotRule[]
  slots?: SlotInput[]
  deadline?: string
  maxCandidates?: number
  candidateChanges: boolean
  changeHours?: number
}

export type SlotRule = {
  from: string
  to: string
  weekdays: number[]
  start: string
  end: string
  minutes: number
  capacity: number
}

export type SlotInput = {
  startsAt: string
  durationMinutes: number
  capacity: number
}

export type CampaignView = {
  campaign: Campaign
  link: string
  state: CampaignState
  registrations: CampaignRegistration[]
}

export type Campaign = {
  id: string
  name: string
  position: string
  templateId: string
  templateName: string
  interviewers: Person[]
  timeZone: string
  mode: CampaignMode
  durationMinutes: number
  slots: CampaignSlot[]
  deadline?: string
  maxCandidates: number
  candidateChanges: boolean
  changeHours: number
  status: CampaignStatus
  token: string
  registered: number
  createdAt: string
  updatedAt: string
}

export type CampaignSlot = {
  startsAt: string
  durationMinutes: number
  capacity: number
  booked: number
}

export type CampaignRegistration = {
  interviewId: string
  campaignId: string
  name: string
  email: string
  startsAt: string
  status: RegistrationStatus
  consent: RegistrationConsent
  timeZone: string
  registeredAt: string
  updatedAt: string
  interviewStatus: InterviewStatus
  candidateId?: string
  score?: number
}

export type SlotPreview = {
  slots: CampaignSlot[]
}

export type Timeline = {
  rows: TimelineRow[]
  state: InterviewerView
}

export type TimelineRow = {
  key: string
  at: string
  kind: TimelineKind
  actor?: TimelinePerson
  awayMs?: number
  consent?: TimelineConsent
  topic?: RoomTopic
  question?: TimelineQuestion
  rephrase?: TimelineRephrase
  note?: TimelineNote
  lastedMs?: number
  paste?: TimelinePaste
  run?: TimelineRun
  language?: TimelineLanguage
}

export type TimelineKind = 'joined' | 'left' | 'reconnected' | 'consented' | 'locked' | 'unlocked' | 'started' | 'topic-checked' | 'topic-unchecked' | 'topic-added' | 'technical-started' | 'question' | 'rephrased' | 'note' | 'finish-started' | 'ended' | 'pasted' | 'tab-away' | 'ran' | 'language' | 'starter-loaded'

export type TimelinePerson = {
  name?: string
  role: RoomRole
}

export type RoomRole = 'candidate' | 'interviewer' | 'host'

export type TimelineConsent = {
  personalData: boolean
  aiAnalysis: boolean
  recordingNotice: boolean
  textsVersion?: string
  repeats?: number
}

export type RoomTopic = {
  id: string
  title: string
  added?: boolean
  hint?: string
}

export type TimelineQuestion = {
  index: number
  number: number
  total: number
  text: string
  from: string
  to?: string
  durationMs?: number
  again: boolean
  rephrased: boolean
  skipped?: boolean
  rating?: number
  comment?: string
}

export type TimelineRephrase = {
  index: number
  number: number
  alternative?: string
}

export type TimelineNote = {
  author: TimelinePerson
  text: string
  savedAt: string
}

export type TimelinePaste = {
  doc: string
  length: number
  external: boolean
}

export type TimelineRun = {
  doc: string
  language: string
  status: string
  exitCode: number
  durationMs: number
  runner: string
  by: TimelinePerson
}

export type TimelineLanguage = {
  doc: string
  language: string
}

export type InterviewerView = {
  phase: RoomPhase
  consentAt?: string
  consent?: RoomConsent
  locked: boolean
  startedAt?: string
  endedAt?: string
  topics: RoomTopic[]
  done: Record<string, boolean>
  questions: number
  question: number
  windows: QuestionWindow[]
  rephrased: Record<string, boolean>
  ratings: Record<string, number>
  comments: Record<string, string>
  notes: Record<string, RoomNote>
  activity: RoomActivity[]
  assessments: Record<string, RoomAssessment>
  lastSeq: number
  lastEventAt?: string
  plan: RoomTopic[]
  questionsContent: Question[]
  recorded: boolean
}

export type RoomPhase = 'waiting' | 'plan' | 'technical' | 'finish' | 'ended'

export type RoomConsent = {
  personalData: boolean
  aiAnalysis: boolean
  recordingNotice: boolean
  textsVersion?: string
}

export type QuestionWindow = {
  index: number
  from: string
  to?: string
  skipped?: boolean
}

export type RoomNote = {
  author: RoomActor
  text: string
  savedAt?: string
}

export type RoomActor = {
  role: RoomRole
  email?: string
  name?: string
}

export type RoomActivity = {
  kind: string
  at: string
  doc?: string
  length?: number
  external?: boolean
  awayMs?: number
}

export type RoomAssessment = {
  index: number
  score: number
  covered: string[]
  missed: string[]
  comment?: string
  heard: string
}

export type PlaybackRecording = {
  docs: PlaybackDoc[]
  board: PlaybackBoardStep[]
}

export type PlaybackDoc = {
  doc: string
  language: string
  steps: PlaybackDocStep[]
  final: string
  version: number
}

export type PlaybackDocStep = {
  at: string
  by: RoomActor
  changes?: unknown[]
  language?: string
  question?: number
}

export type PlaybackBoardStep = {
  at: string
  by: RoomActor
  elements: unknown[]
}

export type Analysis = {
  interviewId: string
  status: AnalysisStatus
  step: string
  progress: number
  error?: string
  startedAt?: string
  finishedAt?: string
  engines: AnalysisEngines
  transcript: TranscriptLine[]
  talkTime: TalkTime[]
  answers: AnswerAnalysis[]
  overall: AnalysisOverall
  voice: SpeakerVoice[]
  recording?: CombinedRecording
}

export type AnalysisEngines = {
  transcription: string
  transcriptionQuality: string
  scoring: string
}

export type TranscriptLine = {
  at: string
  offsetMs: number
  endMs: number
  speaker: string
  role: string
  text: string
  question?: number
}

export type TalkTime = {
  speaker: string
  role: string
  question?: number
  ms: number
}

export type AnswerAnalysis = {
  index: number
  question: string
  answer: string
  score: number
  covered: AnswerPoint[]
  missed: AnswerPoint[]
  comment: string
  rating?: number
  override?: ScoreOverride
}

export type AnswerPoint = {
  text: string
  evidence?: string
}

export type ScoreOverride = {
  score: number
  by: string
  at: string
  reason?: string
}

export type AnalysisOverall = {
  score: number
  rating?: number
  answered: number
  strengths: string[]
  concerns: string[]
}

export type SpeakerVoice = {
  participant: string
  speaker: string
  role: string
  spans: VoiceSpan[]
}

export type VoiceSpan = {
  fromMs: number
  toMs: number
}

export type CombinedRecording = {
  start: string
  durationMs: number
  width: number
  height: number
  layouts: RecordingLayout[]
}

export type RecordingLayout = {
  name: RecordingLayoutName
  status: RecordingLayoutStatus
  progress: number
  error?: string
}

export type RecordingLayoutName = 'pip' | 'grid'

export type RecordingLayoutStatus = 'ready' | 'building' | 'failed'

export type OverrideRequest = {
  score: number
  reason?: string
}

export type Report = {
  interviewId: string
  candidate: Person
  position: string
  campaign?: string
  template: string
  interviewers: Person[]
  timeZone: string
  scheduledAt: string
  plannedMinutes: number
  startedAt?: string
  endedAt?: string
  durationMs: number
  ended: boolean
  declined: boolean
  analysisStatus?: AnalysisStatus
  notices: string[]
  score: ReportScore
  strengths: string[]
  concerns: string[]
  questions: ReportQuestion[]
  notes: ReportNote[]
  talkTime: TalkTime[]
  transcript: TranscriptLine[]
  timeline: ReportEntry[]
  engines?: AnalysisEngines
  recording?: CombinedRecording
  voice: SpeakerVoice[]
  files: ReportFiles
}

export type ReportScore = {
  scale: number
  ai?: number
  answered: number
  overridden: number
  rating?: number
  rated: number
}

export type ReportQuestion = {
  number: number
  text: string
  alternative?: string
  expectedAnswer?: string
  keyPoints: string[]
  asked: boolean
  skipped?: boolean
  rephrased?: boolean
  onScreenMs: number
  rating?: number
  comment?: string
  ai?: AnswerAnalysis
  score?: number
  talkTime: TalkTime[]
}

export type ReportNote = {
  author: string
  text: string
  savedAt?: string
}

export type ReportEntry = {
  at: string
  offsetMs: number
  kind: TimelineKind
  text: string
}

export type ReportFiles = {
  html: string
  pdf: string
  recording: string
}

export type RoomPresence = {
  phase: RoomPhase
  locked: boolean
  members: RoomMember[]
}

export type RoomMember = {
  id: string
  participant: string
  role: RoomRole
  name: string
  ready: boolean
  since: string
}

export type RecordingList = {
  recordings: Recording[]
}

export type Recording = {
  name: string
  participant: string
  participantName: string
  source: string
  kind: string
  codec: string
  bytes: number
  durationMs: number
  started: string
  active: boolean
  finalised: boolean
  url: string
}

export type Invitation = {
  for: string
  name: string
  email: string
  link: string
  subject: string
  text: string
}

export type Outbox = {
  mailConfigured: boolean
  messages: OutboxMessage[]
}

export type OutboxMessage = {
  id: string
  to: Person
  subject: string
  kind: OutboxKind
  state: OutboxState
  attempts: number
  lastError?: string
  nextAttemptAt?: string
  createdAt: string
  sentAt?: string
  uncomposed?: boolean
}

export type OutboxKind = 'invite' | 'reschedule' | 'cancel' | 'test'

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed'

export type MailSettings = {
  host: string
  port: number
  security: MailSecurity
  username: string
  hasPassword: boolean
  fromName: string
  fromAddress: string
  replyTo: string
  configured: boolean
}

export type MailSecurity = 'starttls' | 'tls' | 'none'

export type MailUpdate = {
  host: string
  port: number
  security: MailSecurity
  username?: string
  password?: string
  fromName?: string
  fromAddress: string
  replyTo?: string
  clearPassword?: boolean
}

export type TestMail = {
  to: string
}

export type TestMailSent = {
  sentTo: string
}

export type CodeRunnerSettings = {
  url: string
  hasToken: boolean
  configured: boolean
}

export type CodeRunnerUpdate = {
  url: string
  token?: string
  clearToken?: boolean
}

export type CodeRunnerTest = {
  url: string
  runtimes: CodeRunnerRuntime[]
  languages: Language[]
}

export type CodeRunnerRuntime = {
  language: string
  version: string
  aliases: string[]
  runtime?: string
}

export type MediaServerSettings = {
  liveKitUrl: string
  apiKey: string
  hasSecret: boolean
  configured: boolean
}

export type MediaServerUpdate = {
  liveKitUrl: string
  apiKey: string
  apiSecret?: string
}

export type AnalysisEngineSettings = {
  transcription: AnalysisEngineSetting
  scoring: AnalysisEngineSetting
}

export type AnalysisEngineSetting = {
  engine: AnalysisEngineKind
  url: string
  model: string
  hasKey: boolean
}

export type AnalysisEngineKind = 'offline' | 'openai'

export type AnalysisEnginesUpdate = {
  transcription: AnalysisEngineUpdate
  scoring: AnalysisEngineUpdate
}

export type AnalysisEngineUpdate = {
  engine?: AnalysisEngineKind
  url?: string
  model?: string
  key?: string
  clearKey?: boolean
}

export type AnalysisEnginesTest = {
  transcription: AnalysisEngineTest
  scoring: AnalysisEngineTest
}

export type AnalysisEngineTest = {
  engine: AnalysisEngineKind
  ok: boolean
  message: string
}

export type ConsentRecord = {
  interviewId: string
  candidate: Person
  given: GivenConsent[]
  texts: Record<string, ConsentTexts>
  current: string
}

export type GivenConsent = {
  at: string
  personalData: boolean
  aiAnalysis: boolean
  recording: boolean
  textsVersion?: string
}

export type InterviewContents = {
  interviewId: string
  candidate: Person
  position: string
  startsAt: string
  status: InterviewStatus
  recordings: RecordingFiles
  events: number
  analysis: boolean
  emails: number
  unsent: number
  deletable: boolean
  reason?: string
}

export type RecordingFiles = {
  files: number
  bytes: number
}

export type Retention = {
  recordingsDays: number
  interviewDataDays: number
  lastRunAt?: string
}

export type RetentionSettings = {
  recordingsDays: number
  interviewDataDays: number
}

export type RetentionPlan = {
  settings: RetentionSettings
  at: string
  items: RetentionItem[]
  interviews: number
  recordings: number
  candidates: number
  files: RecordingFiles
}

export type RetentionItem = {
  interviewId?: string
  position?: string
  endsAt?: string
  what: RetentionWhat
  files: RecordingFiles
  why: string
  subject?: string
  candidate?: string
}

export type RetentionWhat = 'recordings' | 'interview' | 'leftover' | 'candidate'

export type RetentionRun = {
  seq: number
  at: string
  trigger: RetentionTrigger
  actor: AuditActor
  settings: RetentionSettings
  deleted: RetentionItem[]
  skipped: RetentionSkip[]
  files: RecordingFiles
}

export type RetentionTrigger = 'automatic' | 'manual'

export type AuditActor = {
  name: string
  via: AuditVia
}

export type AuditVia = 'console' | 'cli' | 'host'

export type RetentionSkip = {
  interviewId?: string
  subject?: string
  position?: string
  reason: string
}

export type RetentionLog = {
  runs: RetentionRun[]
  next?: number
}

export type CandidateData = {
  email: string
  names: string[]
  interviews: InterviewContents[]
  recordings: RecordingFiles
  events: number
  analyses: number
  emails: number
  profile: boolean
  results: number
  erasable: boolean
  reason?: string
}

export type CandidateEmail = {
  email: string
}

export type BackupStatus = {
  last?: LastBackup
  dataDir: string
}

export type LastBackup = {
  at: string
  actor: AuditActor
  bytes: number
  sha256: string
  withMedia: boolean
  mediaFiles: number
  mediaBytes: number
}

export type AuditPage = {
  entries: AuditEntry[]
  next?: number
}

export type AuditEntry = {
  seq: number
  at: string
  kind: AuditKind
  actor: AuditActor
  subject?: string
  text: string
}

export type AuditKind = 'sign-in' | 'users' | 'settings' | 'deletion' | 'export' | 'erasure' | 'backup' | 'restore' | 'retention'

export type LiveRoomList = {
  rooms: LiveRoom[]
  total: number
}

export type LiveRoom = {
  id: string
  candidate: Person
  position: string
  campaign: string
  templateName: string
  startsAt: string
  endsAt: string
  timeZone: string
  tools: RoomTools
  interviewers: Person[]
  interviewerLink: string
  candidateLink: string
  group: LiveRoomGroup
  presence?: RoomPresence
}

export type LiveRoomGroup = 'live' | 'now' | 'upcoming'

export type KnownInterviewers = {
  interviewers: Person[]
}

/** Every named type by its name. */
export type Types = {
  ApiErrorBody: ApiErrorBody
  ApiErrorDetail: ApiErrorDetail
  ApiProblem: ApiProblem
  PublicCampaign: PublicCampaign
  CampaignMode: CampaignMode
  CampaignState: CampaignState
  PublicSlot: PublicSlot
  ConsentTexts: ConsentTexts
  Registrant: Registrant
  RegistrationConsent: RegistrationConsent
  Registered: Registered
  CandidateBooking: CandidateBooking
  RegistrationStatus: RegistrationStatus
  BookingChange: BookingChange
  Health: Health
  Settings: Settings
  Person: Person
  SettingsUpdate: SettingsUpdate
  Account: Account
  AccountKind: AccountKind
  UserRole: UserRole
  ProfileUpdate: ProfileUpdate
  SignInRequest: SignInRequest
  PasswordResetRequest: PasswordResetRequest
  PasswordLinkRequest: PasswordLinkRequest
  PasswordLinkInfo: PasswordLinkInfo
  PasswordLinkPurpose: PasswordLinkPurpose
  NewPasswordRequest: NewPasswordRequest
  PasswordChangeRequest: PasswordChangeRequest
  UserList: UserList
  User: User
  UserInvite: UserInvite
  SetupDelivery: SetupDelivery
  InvitedUser: InvitedUser
  SetupLinkSent: SetupLinkSent
  RoleChange: RoleChange
  SetupLinkRequest: SetupLinkRequest
  TemplateList: TemplateList
  TemplateSummary: TemplateSummary
  TemplateFields: TemplateFields
  Topic: Topic
  Question: Question
  Language: Language
  Template: Template
  InterviewList: InterviewList
  InterviewSummary: InterviewSummary
  InterviewStatus: InterviewStatus
  Tense: Tense
  Overview: Overview
  OverviewRow: OverviewRow
  AnalysisSummary: AnalysisSummary
  AnalysisStatus: AnalysisStatus
  NewInterview: NewInterview
  When: When
  Interview: Interview
  TemplateRef: TemplateRef
  RoomTools: RoomTools
  Interviewer: Interviewer
  Reschedule: Reschedule
  CandidateList: CandidateList
  CandidateSummary: CandidateSummary
  CandidateApplication: CandidateApplication
  CandidateStage: CandidateStage
  ResultsFile: ResultsFile
  ImportReport: ImportReport
  ImportedResult: ImportedResult
  Candidate: Candidate
  TakehomeResultSummary: TakehomeResultSummary
  CandidateChange: CandidateChange
  CandidateChangeKind: CandidateChangeKind
  CandidateChangeBy: CandidateChangeBy
  CandidateUpdate: CandidateUpdate
  StageMove: StageMove
  CandidateInterviews: CandidateInterviews
  CandidateResults: CandidateResults
  TakehomeResult: TakehomeResult
  TakehomeTask: TakehomeTask
  TakehomeTest: TakehomeTest
  Pipeline: Pipeline
  PipelineRole: PipelineRole
  PipelineColumn: PipelineColumn
  CampaignList: CampaignList
  CampaignSummary: CampaignSummary
  CampaignStatus: CampaignStatus
  CampaignInput: CampaignInput
  SlotRule: SlotRule
  SlotInput: SlotInput
  CampaignView: CampaignView
  Campaign: Campaign
  CampaignSlot: CampaignSlot
  CampaignRegistration: CampaignRegistration
  SlotPreview: SlotPreview
  Timeline: Timeline
  TimelineRow: TimelineRow
  TimelineKind: TimelineKind
  TimelinePerson: TimelinePerson
  RoomRole: RoomRole
  TimelineConsent: TimelineConsent
  RoomTopic: RoomTopic
  TimelineQuestion: TimelineQuestion
  TimelineRephrase: TimelineRephrase
  TimelineNote: TimelineNote
  TimelinePaste: TimelinePaste
  TimelineRun: TimelineRun
  TimelineLanguage: TimelineLanguage
  InterviewerView: InterviewerView
  RoomPhase: RoomPhase
  RoomConsent: RoomConsent
  QuestionWindow: QuestionWindow
  RoomNote: RoomNote
  RoomActor: RoomActor
  RoomActivity: RoomActivity
  RoomAssessment: RoomAssessment
  PlaybackRecording: PlaybackRecording
  PlaybackDoc: PlaybackDoc
  PlaybackDocStep: PlaybackDocStep
  PlaybackBoardStep: PlaybackBoardStep
  Analysis: Analysis
  AnalysisEngines: AnalysisEngines
  TranscriptLine: TranscriptLine
  TalkTime: TalkTime
  AnswerAnalysis: AnswerAnalysis
  AnswerPoint: AnswerPoint
  ScoreOverride: ScoreOverride
  AnalysisOverall: AnalysisOverall
  SpeakerVoice: SpeakerVoice
  VoiceSpan: VoiceSpan
  CombinedRecording: CombinedRecording
  RecordingLayout: RecordingLayout
  RecordingLayoutName: RecordingLayoutName
  RecordingLayoutStatus: RecordingLayoutStatus
  OverrideRequest: OverrideRequest
  Report: Report
  ReportScore: ReportScore
  ReportQuestion: ReportQuestion
  ReportNote: ReportNote
  ReportEntry: ReportEntry
  ReportFiles: ReportFiles
  RoomPresence: RoomPresence
  RoomMember: RoomMember
  RecordingList: RecordingList
  Recording: Recording
  Invitation: Invitation
  Outbox: Outbox
  OutboxMessage: OutboxMessage
  OutboxKind: OutboxKind
  OutboxState: OutboxState
  MailSettings: MailSettings
  MailSecurity: MailSecurity
  MailUpdate: MailUpdate
  TestMail: TestMail
  TestMailSent: TestMailSent
  CodeRunnerSettings: CodeRunnerSettings
  CodeRunnerUpdate: CodeRunnerUpdate
  CodeRunnerTest: CodeRunnerTest
  CodeRunnerRuntime: CodeRunnerRuntime
  MediaServerSettings: MediaServerSettings
  MediaServerUpdate: MediaServerUpdate
  AnalysisEngineSettings: AnalysisEngineSettings
  AnalysisEngineSetting: AnalysisEngineSetting
  AnalysisEngineKind: AnalysisEngineKind
  AnalysisEnginesUpdate: AnalysisEnginesUpdate
  AnalysisEngineUpdate: AnalysisEngineUpdate
  AnalysisEnginesTest: AnalysisEnginesTest
  AnalysisEngineTest: AnalysisEngineTest
  ConsentRecord: ConsentRecord
  GivenConsent: GivenConsent
  InterviewContents: InterviewContents
  RecordingFiles: RecordingFiles
  Retention: Retention
  RetentionSettings: RetentionSettings
  RetentionPlan: RetentionPlan
  RetentionItem: RetentionItem
  RetentionWhat: RetentionWhat
  RetentionRun: RetentionRun
  RetentionTrigger: RetentionTrigger
  AuditActor: AuditActor
  AuditVia: AuditVia
  RetentionSkip: RetentionSkip
  RetentionLog: RetentionLog
  CandidateData: CandidateData
  CandidateEmail: CandidateEmail
  BackupStatus: BackupStatus
  LastBackup: LastBackup
  AuditPage: AuditPage
  AuditEntry: AuditEntry
  AuditKind: AuditKind
  LiveRoomList: LiveRoomList
  LiveRoom: LiveRoom
  LiveRoomGroup: LiveRoomGroup
  KnownInterviewers: KnownInterviewers
}
export type TypeName = keyof Types

/** A JSON Schema (draft 2020-12), as far as these schemas use it. */
export type JsonSchema = {
  $ref?: string
  type?: string | string[]
  enum?: (string | null)[]
  format?: string
  contentEncoding?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  anyOf?: JsonSchema[]
}

/** The schema of each type (as in the JSON Schema's $defs); a $ref "#/$defs/NAME" names another. */
export const schemas: Record<TypeName, JsonSchema> = {
  ApiErrorBody: {"additionalProperties":false,"properties":{"error":{"$ref":"#/$defs/ApiErrorDetail"}},"required":["error"],"type":"object"},
  ApiErrorDetail: {"additionalProperties":false,"properties":{"code":{"type":"string"},"fields":{"additionalProperties":{"type":"string"},"type":["object","null"]},"message":{"type":"string"},"problems":{"items":{"$ref":"#/$defs/ApiProblem"},"type":["array","null"]}},"required":["code","message"],"type":"object"},
  ApiProblem: {"additionalProperties":false,"properties":{"field":{"type":"string"},"line":{"type":"integer"},"message":{"type":"string"}},"required":["field","message"],"type":"object"},
  PublicCampaign: {"additionalProperties":false,"properties":{"candidateChanges":{"type":"boolean"},"changeHours":{"type":"integer"},"consent":{"$ref":"#/$defs/ConsentTexts"},"deadline":{"format":"date-time","type":"string"},"durationMinutes":{"type":"integer"},"mode":{"$ref":"#/$defs/CampaignMode"},"name":{"type":"string"},"position":{"type":"string"},"slots":{"items":{"$ref":"#/$defs/PublicSlot"},"type":["array","null"]},"state":{"$ref":"#/$defs/CampaignState"},"timeZone":{"type":"string"}},"required":["name","position","mode","timeZone","durationMinutes","state","slots","candidateChanges","changeHours","consent"],"type":"object"},
  CampaignMode: {"enum":["slots","now"],"type":"string"},
  CampaignState: {"enum":["open","closed","full","expired"],"type":"string"},
  PublicSlot: {"additionalProperties":false,"properties":{"durationMinutes":{"type":"integer"},"seatsLeft":{"type":"integer"},"startsAt":{"format":"date-time","type":"string"}},"required":["startsAt","durationMinutes","seatsLeft"],"type":"object"},
  ConsentTexts: {"additionalProperties":false,"properties":{"aiAnalysis":{"type":"string"},"aiAnalysisHint":{"type":"string"},"notice":{"type":"string"},"noticeTitle":{"type":"string"},"personalData":{"type":"string"},"recording":{"type":"string"},"recordingHint":{"type":"string"},"version":{"type":"string"}},"required":["version","noticeTitle","notice","personalData","aiAnalysis","aiAnalysisHint","recording","recordingHint"],"type":"object"},
  Registrant: {"additionalProperties":false,"properties":{"consent":{"$ref":"#/$defs/RegistrationConsent"},"email":{"type":"string"},"name":{"type":"string"},"startsAt":{"type":"string"},"timeZone":{"type":"string"}},"required":["name","email","consent"],"type":"object"},
  RegistrationConsent: {"additionalProperties":false,"properties":{"aiAnalysis":{"type":"boolean"},"personalData":{"type":"boolean"},"recordingNotice":{"type":"boolean"},"textsVersion":{"type":"string"}},"required":["personalData","aiAnalysis","recordingNotice"],"type":"object"},
  Registered: {"additionalProperties":false,"properties":{"candidateLink":{"type":"string"},"durationMinutes":{"type":"integer"},"existing":{"type":"boolean"},"message":{"type":"string"},"position":{"type":"string"},"startsAt":{"format":"date-time","type":"string"}},"required":["existing","position","durationMinutes","message"],"type":"object"},
  CandidateBooking: {"additionalProperties":false,"properties":{"campaign":{"type":"string"},"canChange":{"type":"boolean"},"changeUntil":{"format":"date-time","type":"string"},"durationMinutes":{"type":"integer"},"mode":{"$ref":"#/$defs/CampaignMode"},"position":{"type":"string"},"rule":{"type":"string"},"slots":{"items":{"$ref":"#/$defs/PublicSlot"},"type":["array","null"]},"startsAt":{"format":"date-time","type":"string"},"status":{"$ref":"#/$defs/RegistrationStatus"}},"required":["position","campaign","mode","startsAt","durationMinutes","status","canChange","rule","slots"],"type":"object"},
  RegistrationStatus: {"enum":["booked","cancelled"],"type":"string"},
  BookingChange: {"additionalProperties":false,"properties":{"startsAt":{"type":"string"}},"required":["startsAt"],"type":"object"},
  Health: {"additionalProperties":false,"properties":{"dataDir":{"type":"string"},"publicUrl":{"type":"string"},"version":{"type":"string"}},"required":["version","dataDir","publicUrl"],"type":"object"},
  Settings: {"additionalProperties":false,"properties":{"defaultTimeZone":{"type":"string"},"organizer":{"$ref":"#/$defs/Person"},"publicUrl":{"type":"string"}},"required":["organizer","defaultTimeZone","publicUrl"],"type":"object"},
  Person: {"additionalProperties":false,"properties":{"email":{"type":"string"},"name":{"type":"string"}},"required":["name","email"],"type":"object"},
  SettingsUpdate: {"additionalProperties":false,"properties":{"defaultTimeZone":{"type":"string"},"organizer":{"$ref":"#/$defs/Person"}},"required":[],"type":"object"},
  Account: {"additionalProperties":false,"properties":{"accounts":{"type":"boolean"},"canSignOut":{"type":"boolean"},"email":{"type":"string"},"id":{"type":"string"},"kind":{"$ref":"#/$defs/AccountKind"},"name":{"type":"string"},"role":{"$ref":"#/$defs/UserRole"}},"required":["kind","name","email","role","accounts","canSignOut"],"type":"object"},
  AccountKind: {"enum":["owner","user"],"type":"string"},
  UserRole: {"enum":["admin","recruiter","interviewer"],"type":"string"},
  ProfileUpdate: {"additionalProperties":false,"properties":{"name":{"type":"string"}},"required":["name"],"type":"object"},
  SignInRequest: {"additionalProperties":false,"properties":{"email":{"type":"string"},"password":{"type":"string"}},"required":["email","password"],"type":"object"},
  PasswordResetRequest: {"additionalProperties":false,"properties":{"email":{"type":"string"}},"required":["email"],"type":"object"},
  PasswordLinkRequest: {"additionalProperties":false,"properties":{"token":{"type":"string"}},"required":["token"],"type":"object"},
  PasswordLinkInfo: {"additionalProperties":false,"properties":{"email":{"type":"string"},"expiresAt":{"format":"date-time","type":"string"},"name":{"type":"string"},"purpose":{"$ref":"#/$defs/PasswordLinkPurpose"}},"required":["purpose","email","name","expiresAt"],"type":"object"},
  PasswordLinkPurpose: {"enum":["setup","reset"],"type":"string"},
  NewPasswordRequest: {"additionalProperties":false,"properties":{"password":{"type":"string"},"token":{"type":"string"}},"required":["token","password"],"type":"object"},
  PasswordChangeRequest: {"additionalProperties":false,"properties":{"current":{"type":"string"},"password":{"type":"string"}},"required":["current","password"],"type":"object"},
  UserList: {"additionalProperties":false,"properties":{"users":{"items":{"$ref":"#/$defs/User"},"type":["array","null"]}},"required":["users"],"type":"object"},
  User: {"additionalProperties":false,"properties":{"active":{"type":"boolean"},"createdAt":{"format":"date-time","type":"string"},"email":{"type":"string"},"id":{"type":"string"},"invitedAt":{"format":"date-time","type":"string"},"lastSignInAt":{"format":"date-time","type":"string"},"name":{"type":"string"},"role":{"$ref":"#/$defs/UserRole"}},"required":["id","email","name","role","active","createdAt"],"type":"object"},
  UserInvite: {"additionalProperties":false,"properties":{"delivery":{"$ref":"#/$defs/SetupDelivery"},"email":{"type":"string"},"name":{"type":"string"},"role":{"$ref":"#/$defs/UserRole"}},"required":["email","name","role"],"type":"object"},
  SetupDelivery: {"enum":["mail","link"],"type":"string"},
  InvitedUser: {"additionalProperties":false,"properties":{"setup":{"$ref":"#/$defs/SetupLinkSent"},"user":{"$ref":"#/$defs/User"}},"required":["user","setup"],"type":"object"},
  SetupLinkSent: {"additionalProperties":false,"properties":{"expiresAt":{"format":"date-time","type":"string"},"link":{"type":"string"},"mailed":{"type":"boolean"}},"required":["mailed","expiresAt"],"type":"object"},
  RoleChange: {"additionalProperties":false,"properties":{"role":{"$ref":"#/$defs/UserRole"}},"required":["role"],"type":"object"},
  SetupLinkRequest: {"additionalProperties":false,"properties":{"delivery":{"$ref":"#/$defs/SetupDelivery"}},"required":[],"type":"object"},
  TemplateList: {"additionalProperties":false,"properties":{"templates":{"items":{"$ref":"#/$defs/TemplateSummary"},"type":["array","null"]}},"required":["templates"],"type":"object"},
  TemplateSummary: {"additionalProperties":false,"properties":{"builtIn":{"type":"boolean"},"description":{"type":"string"},"durationMinutes":{"type":"integer"},"id":{"type":"string"},"name":{"type":"string"},"questionCount":{"type":"integer"},"specialization":{"type":"string"},"technical":{"type":"boolean"},"topicCount":{"type":"integer"},"updatedAt":{"format":"date-time","type":"string"}},"required":["id","name","specialization","description","durationMinutes","technical","builtIn","topicCount","questionCount","updatedAt"],"type":"object"},
  TemplateFields: {"additionalProperties":false,"properties":{"description":{"type":"string"},"durationMinutes":{"type":"integer"},"name":{"type":"string"},"plan":{"items":{"$ref":"#/$defs/Topic"},"type":["array","null"]},"questions":{"items":{"$ref":"#/$defs/Question"},"type":["array","null"]},"specialization":{"type":"string"}},"required":["name","specialization","description","durationMinutes","plan","questions"],"type":"object"},
  Topic: {"additionalProperties":false,"properties":{"hint":{"type":"string"},"id":{"type":"string"},"title":{"type":"string"}},"required":["title"],"type":"object"},
  Question: {"additionalProperties":false,"properties":{"alternative":{"type":"string"},"expectedAnswer":{"type":"string"},"id":{"type":"string"},"keyPoints":{"items":{"type":"string"},"type":["array","null"]},"language":{"$ref":"#/$defs/Language"},"starterCode":{"type":"string"},"text":{"type":"string"}},"required":["text","alternative","expectedAnswer"],"type":"object"},
  Language: {"enum":["plaintext","go","python","javascript","typescript","java","cpp","sql"],"type":"string"},
  Template: {"additionalProperties":false,"properties":{"builtIn":{"type":"boolean"},"createdAt":{"format":"date-time","type":"string"},"description":{"type":"string"},"durationMinutes":{"type":"integer"},"id":{"type":"string"},"name":{"type":"string"},"plan":{"items":{"$ref":"#/$defs/Topic"},"type":["array","null"]},"questions":{"items":{"$ref":"#/$defs/Question"},"type":["array","null"]},"specialization":{"type":"string"},"technical":{"type":"boolean"},"updatedAt":{"format":"date-time","type":"string"}},"required":["id","name","specialization","description","durationMinutes","plan","questions","technical","builtIn","createdAt","updatedAt"],"type":"object"},
  InterviewList: {"additionalProperties":false,"properties":{"interviews":{"items":{"$ref":"#/$defs/InterviewSummary"},"type":["array","null"]},"total":{"type":"integer"}},"required":["interviews","total"],"type":"object"},
  InterviewSummary: {"additionalProperties":false,"properties":{"campaign":{"type":"string"},"campaignId":{"type":"string"},"candidate":{"$ref":"#/$defs/Person"},"endsAt":{"format":"date-time","type":"string"},"id":{"type":"string"},"position":{"type":"string"},"startsAt":{"format":"date-time","type":"string"},"status":{"$ref":"#/$defs/InterviewStatus"},"templateName":{"type":"string"},"tense":{"$ref":"#/$defs/Tense"},"timeZone":{"type":"string"}},"required":["id","position","candidate","campaign","startsAt","timeZone","endsAt","status","tense","templateName"],"type":"object"},
  InterviewStatus: {"enum":["scheduled","cancelled","finished"],"type":"string"},
  Tense: {"enum":["upcoming","past","cancelled"],"type":"string"},
  Overview: {"additionalProperties":false,"properties":{"rows":{"items":{"$ref":"#/$defs/OverviewRow"},"type":["array","null"]}},"required":["rows"],"type":"object"},
  OverviewRow: {"additionalProperties":false,"properties":{"analysis":{"$ref":"#/$defs/AnalysisSummary"},"interview":{"$ref":"#/$defs/InterviewSummary"}},"required":["interview"],"type":"object"},
  AnalysisSummary: {"additionalProperties":false,"properties":{"answered":{"type":"integer"},"rating":{"type":"number"},"score":{"type":"number"},"status":{"$ref":"#/$defs/AnalysisStatus"}},"required":["status","score","answered"],"type":"object"},
  AnalysisStatus: {"enum":["queued","running","done","failed","declined"],"type":"string"},
  NewInterview: {"additionalProperties":false,"properties":{"campaign":{"type":"string"},"candidateEmail":{"type":"string"},"candidateName":{"type":"string"},"durationMinutes":{"type":"integer"},"position":{"type":"string"},"startsAt":{"type":"string"},"takehomeId":{"type":"string"},"templateId":{"type":"string"},"timeZone":{"type":"string"},"when":{"$ref":"#/$defs/When"}},"required":["templateId","position","candidateName","candidateEmail","when"],"type":"object"},
  When: {"enum":["now","later"],"type":"string"},
  Interview: {"additionalProperties":false,"properties":{"campaign":{"type":"string"},"campaignId":{"type":"string"},"candidate":{"$ref":"#/$defs/Person"},"candidateLink":{"type":"string"},"createdAt":{"format":"date-time","type":"string"},"durationMinutes":{"type":"integer"},"endsAt":{"format":"date-time","type":"string"},"id":{"type":"string"},"interviewerLink":{"type":"string"},"interviewers":{"items":{"$ref":"#/$defs/Interviewer"},"type":["array","null"]},"position":{"type":"string"},"resultsClosed":{"type":"boolean"},"sequence":{"type":"integer"},"startsAt":{"format":"date-time","type":"string"},"status":{"$ref":"#/$defs/InterviewStatus"},"takehomeId":{"type":"string"},"template":{"$ref":"#/$defs/TemplateRef"},"tense":{"$ref":"#/$defs/Tense"},"timeZone":{"type":"string"},"tools":{"$ref":"#/$defs/RoomTools"},"updatedAt":{"format":"date-time","type":"string"}},"required":["id","position","candidate","campaign","startsAt","timeZone","durationMinutes","endsAt","status","tense","template","tools","interviewers","candidateLink","interviewerLink","createdAt","updatedAt","sequence","resultsClosed"],"type":"object"},
  TemplateRef: {"additionalProperties":false,"properties":{"id":{"type":"string"},"name":{"type":"string"},"questionCount":{"type":"integer"},"specialization":{"type":"string"},"technical":{"type":"boolean"},"topicCount":{"type":"integer"}},"required":["id","name","specialization","technical","topicCount","questionCount"],"type":"object"},
  RoomTools: {"additionalProperties":false,"properties":{"liveCode":{"type":"boolean"},"whiteboard":{"type":"boolean"}},"required":["liveCode","whiteboard"],"type":"object"},
  Interviewer: {"additionalProperties":false,"properties":{"email":{"type":"string"},"link":{"type":"string"},"name":{"type":"string"}},"required":["name","email","link"],"type":"object"},
  Reschedule: {"additionalProperties":false,"properties":{"startsAt":{"type":"string"},"timeZone":{"type":"string"}},"required":["startsAt"],"type":"object"},
  CandidateList: {"additionalProperties":false,"properties":{"candidates":{"items":{"$ref":"#/$defs/CandidateSummary"},"type":["array","null"]},"total":{"type":"integer"}},"required":["candidates","total"],"type":"object"},
  CandidateSummary: {"additionalProperties":false,"properties":{"applications":{"items":{"$ref":"#/$defs/CandidateApplication"},"type":["array","null"]},"campaigns":{"items":{"type":"string"},"type":["array","null"]},"email":{"type":"string"},"id":{"type":"string"},"interviews":{"type":"integer"},"lastActivityAt":{"format":"date-time","type":"string"},"name":{"type":"string"},"nextInterviewAt":{"format":"date-time","type":"string"},"takehome":{"type":"integer"}},"required":["id","name","email","applications","campaigns","interviews","takehome","lastActivityAt"],"type":"object"},
  CandidateApplication: {"additionalProperties":false,"properties":{"appliedAt":{"format":"date-time","type":"string"},"campaignId":{"type":"string"},"position":{"type":"string"},"stage":{"$ref":"#/$defs/CandidateStage"},"stageAt":{"format":"date-time","type":"string"}},"required":["position","stage","stageAt","appliedAt"],"type":"object"},
  CandidateStage: {"enum":["applied","takehome_done","live_scheduled","interviewed","offer","hired","rejected"],"type":"string"},
  ResultsFile: {"additionalProperties":false,"properties":{"content":{"type":"string"},"name":{"type":"string"}},"required":["name","content"],"type":"object"},
  ImportReport: {"additionalProperties":false,"properties":{"created":{"type":"integer"},"imported":{"type":"integer"},"newCandidates":{"type":"integer"},"results":{"items":{"$ref":"#/$defs/ImportedResult"},"type":["array","null"]},"updated":{"type":"integer"}},"required":["imported","created","updated","newCandidates","results"],"type":"object"},
  ImportedResult: {"additionalProperties":false,"properties":{"assessment":{"type":"string"},"candidateId":{"type":"string"},"candidateName":{"type":"string"},"completedAt":{"format":"date-time","type":"string"},"id":{"type":"string"},"maxScore":{"type":"number"},"position":{"type":"string"},"score":{"type":"number"},"tasks":{"type":"integer"},"updated":{"type":"boolean"}},"required":["id","assessment","completedAt","score","maxScore","tasks","candidateId","candidateName","updated"],"type":"object"},
  Candidate: {"additionalProperties":false,"properties":{"applications":{"items":{"$ref":"#/$defs/CandidateApplication"},"type":["array","null"]},"createdAt":{"format":"date-time","type":"string"},"email":{"type":"string"},"history":{"items":{"$ref":"#/$defs/CandidateChange"},"type":["array","null"]},"id":{"type":"string"},"interviews":{"items":{"$ref":"#/$defs/InterviewSummary"},"type":["array","null"]},"lastActivityAt":{"format":"date-time","type":"string"},"name":{"type":"string"},"notes":{"type":"string"},"revision":{"type":"integer"},"takehome":{"items":{"$ref":"#/$defs/TakehomeResultSummary"},"type":["array","null"]},"updatedAt":{"format":"date-time","type":"string"}},"required":["id","name","email","notes","applications","interviews","takehome","history","createdAt","updatedAt","lastActivityAt","revision"],"type":"object"},
  TakehomeResultSummary: {"additionalProperties":false,"properties":{"assessment":{"type":"string"},"completedAt":{"format":"date-time","type":"string"},"id":{"type":"string"},"maxScore":{"type":"number"},"position":{"type":"string"},"score":{"type":"number"},"tasks":{"type":"integer"}},"required":["id","assessment","completedAt","score","maxScore","tasks"],"type":"object"},
  CandidateChange: {"additionalProperties":false,"properties":{"at":{"format":"date-time","type":"string"},"by":{"$ref":"#/$defs/CandidateChangeBy"},"from":{"type":"string"},"kind":{"$ref":"#/$defs/CandidateChangeKind"},"position":{"type":"string"},"to":{"type":"string"}},"required":["at","kind","by"],"type":"object"},
  CandidateChangeKind: {"enum":["created","renamed","email","stage","takehome"],"type":"string"},
  CandidateChangeBy: {"enum":["recruiter","interview","import","upgrade"],"type":"string"},
  CandidateUpdate: {"additionalProperties":false,"properties":{"email":{"type":"string"},"name":{"type":"string"},"notes":{"type":"string"}},"required":[],"type":"object"},
  StageMove: {"additionalProperties":false,"properties":{"position":{"type":"string"},"stage":{"$ref":"#/$defs/CandidateStage"}},"required":["position","stage"],"type":"object"},
  CandidateInterviews: {"additionalProperties":false,"properties":{"interviews":{"items":{"$ref":"#/$defs/InterviewSummary"},"type":["array","null"]}},"required":["interviews"],"type":"object"},
  CandidateResults: {"additionalProperties":false,"properties":{"results":{"items":{"$ref":"#/$defs/TakehomeResult"},"type":["array","null"]}},"required":["results"],"type":"object"},
  TakehomeResult: {"additionalProperties":false,"properties":{"assessment":{"type":"string"},"candidate":{"$ref":"#/$defs/Person"},"candidateId":{"type":"string"},"completedAt":{"format":"date-time","type":"string"},"externalId":{"type":"string"},"id":{"type":"string"},"importedAt":{"format":"date-time","type":"string"},"maxScore":{"type":"number"},"position":{"type":"string"},"score":{"type":"number"},"source":{"type":"string"},"tasks":{"items":{"$ref":"#/$defs/TakehomeTask"},"type":["array","null"]},"updatedAt":{"format":"date-time","type":"string"}},"required":["id","candidateId","candidate","assessment","completedAt","score","maxScore","tasks","source","importedAt","updatedAt"],"type":"object"},
  TakehomeTask: {"additionalProperties":false,"properties":{"code":{"type":"string"},"editorLanguage":{"$ref":"#/$defs/Language"},"language":{"type":"string"},"maxScore":{"type":"number"},"score":{"type":"number"},"tests":{"items":{"$ref":"#/$defs/TakehomeTest"},"type":["array","null"]},"timeSpentSeconds":{"type":"integer"},"title":{"type":"string"}},"required":["title","editorLanguage","score","maxScore"],"type":"object"},
  TakehomeTest: {"additionalProperties":false,"properties":{"message":{"type":"string"},"name":{"type":"string"},"passed":{"type":"boolean"}},"required":["name","passed"],"type":"object"},
  Pipeline: {"additionalProperties":false,"properties":{"columns":{"items":{"$ref":"#/$defs/PipelineColumn"},"type":["array","null"]},"position":{"type":"string"},"roles":{"items":{"$ref":"#/$defs/PipelineRole"},"type":["array","null"]}},"required":["roles","position","columns"],"type":"object"},
  PipelineRole: {"additionalProperties":false,"properties":{"candidates":{"type":"integer"},"position":{"type":"string"}},"required":["position","candidates"],"type":"object"},
  PipelineColumn: {"additionalProperties":false,"properties":{"candidates":{"items":{"$ref":"#/$defs/CandidateSummary"},"type":["array","null"]},"stage":{"$ref":"#/$defs/CandidateStage"}},"required":["stage","candidates"],"type":"object"},
  CampaignList: {"additionalProperties":false,"properties":{"campaigns":{"items":{"$ref":"#/$defs/CampaignSummary"},"type":["array","null"]}},"required":["campaigns"],"type":"object"},
  CampaignSummary: {"additionalProperties":false,"properties":{"booked":{"type":"integer"},"createdAt":{"format":"date-time","type":"string"},"deadline":{"format":"date-time","type":"string"},"id":{"type":"string"},"link":{"type":"string"},"mode":{"$ref":"#/$defs/CampaignMode"},"name":{"type":"string"},"position":{"type":"string"},"registered":{"type":"integer"},"seats":{"type":"integer"},"state":{"$ref":"#/$defs/CampaignState"},"status":{"$ref":"#/$defs/CampaignStatus"},"token":{"type":"string"}},"required":["id","name","position","mode","status","state","seats","booked","registered","token","createdAt","link"],"type":"object"},
  CampaignStatus: {"enum":["open","closed"],"type":"string"},
  CampaignInput: {"additionalProperties":false,"properties":{"candidateChanges":{"type":"boolean"},"changeHours":{"type":"integer"},"deadline":{"type":"string"},"durationMinutes":{"type":"integer"},"interviewers":{"items":{"$ref":"#/$defs/Person"},"type":["array","null"]},"maxCandidates":{"type":"integer"},"mode":{"$ref":"#/$defs/CampaignMode"},"name":{"type":"string"},"position":{"type":"string"},"rules":{"items":{"$ref":"#/$defs/SlotRule"},"type":["array","null"]},"slots":{"items":{"$ref":"#/$defs/SlotInput"},"type":["array","null"]},"templateId":{"type":"string"},"timeZone":{"type":"string"}},"required":["name","position","templateId","mode","candidateChanges"],"type":"object"},
  SlotRule: {"additionalProperties":false,"properties":{"capacity":{"type":"integer"},"end":{"type":"string"},"from":{"type":"string"},"minutes":{"type":"integer"},"start":{"type":"string"},"to":{"type":"string"},"weekdays":{"items":{"type":"integer"},"type":["array","null"]}},"required":["from","to","weekdays","start","end","minutes","capacity"],"type":"object"},
  SlotInput: {"additionalProperties":false,"properties":{"capacity":{"type":"integer"},"durationMinutes":{"type":"integer"},"startsAt":{"type":"string"}},"required":["startsAt","durationMinutes","capacity"],"type":"object"},
  CampaignView: {"additionalProperties":false,"properties":{"campaign":{"$ref":"#/$defs/Campaign"},"link":{"type":"string"},"registrations":{"items":{"$ref":"#/$defs/CampaignRegistration"},"type":["array","null"]},"state":{"$ref":"#/$defs/CampaignState"}},"required":["campaign","link","state","registrations"],"type":"object"},
  Campaign: {"additionalProperties":false,"properties":{"candidateChanges":{"type":"boolean"},"changeHours":{"type":"integer"},"createdAt":{"format":"date-time","type":"string"},"deadline":{"format":"date-time","type":"string"},"durationMinutes":{"type":"integer"},"id":{"type":"string"},"interviewers":{"items":{"$ref":"#/$defs/Person"},"type":["array","null"]},"maxCandidates":{"type":"integer"},"mode":{"$ref":"#/$defs/CampaignMode"},"name":{"type":"string"},"position":{"type":"string"},"registered":{"type":"integer"},"slots":{"items":{"$ref":"#/$defs/CampaignSlot"},"type":["array","null"]},"status":{"$ref":"#/$defs/CampaignStatus"},"templateId":{"type":"string"},"templateName":{"type":"string"},"timeZone":{"type":"string"},"token":{"type":"string"},"updatedAt":{"format":"date-time","type":"string"}},"required":["id","name","position","templateId","templateName","interviewers","timeZone","mode","durationMinutes","slots","maxCandidates","candidateChanges","changeHours","status","token","registered","createdAt","updatedAt"],"type":"object"},
  CampaignSlot: {"additionalProperties":false,"properties":{"booked":{"type":"integer"},"capacity":{"type":"integer"},"durationMinutes":{"type":"integer"},"startsAt":{"format":"date-time","type":"string"}},"required":["startsAt","durationMinutes","capacity","booked"],"type":"object"},
  CampaignRegistration: {"additionalProperties":false,"properties":{"campaignId":{"type":"string"},"candidateId":{"type":"string"},"consent":{"$ref":"#/$defs/RegistrationConsent"},"email":{"type":"string"},"interviewId":{"type":"string"},"interviewStatus":{"$ref":"#/$defs/InterviewStatus"},"name":{"type":"string"},"registeredAt":{"format":"date-time","type":"string"},"score":{"type":"number"},"startsAt":{"format":"date-time","type":"string"},"status":{"$ref":"#/$defs/RegistrationStatus"},"timeZone":{"type":"string"},"updatedAt":{"format":"date-time","type":"string"}},"required":["interviewId","campaignId","name","email","startsAt","status","consent","timeZone","registeredAt","updatedAt","interviewStatus"],"type":"object"},
  SlotPreview: {"additionalProperties":false,"properties":{"slots":{"items":{"$ref":"#/$defs/CampaignSlot"},"type":["array","null"]}},"required":["slots"],"type":"object"},
  Timeline: {"additionalProperties":false,"properties":{"rows":{"items":{"$ref":"#/$defs/TimelineRow"},"type":["array","null"]},"state":{"$ref":"#/$defs/InterviewerView"}},"required":["rows","state"],"type":"object"},
  TimelineRow: {"additionalProperties":false,"properties":{"actor":{"$ref":"#/$defs/TimelinePerson"},"at":{"format":"date-time","type":"string"},"awayMs":{"type":"integer"},"consent":{"$ref":"#/$defs/TimelineConsent"},"key":{"type":"string"},"kind":{"$ref":"#/$defs/TimelineKind"},"language":{"$ref":"#/$defs/TimelineLanguage"},"lastedMs":{"type":"integer"},"note":{"$ref":"#/$defs/TimelineNote"},"paste":{"$ref":"#/$defs/TimelinePaste"},"question":{"$ref":"#/$defs/TimelineQuestion"},"rephrase":{"$ref":"#/$defs/TimelineRephrase"},"run":{"$ref":"#/$defs/TimelineRun"},"topic":{"$ref":"#/$defs/RoomTopic"}},"required":["key","at","kind"],"type":"object"},
  TimelineKind: {"enum":["joined","left","reconnected","consented","locked","unlocked","started","topic-checked","topic-unchecked","topic-added","technical-started","question","rephrased","note","finish-started","ended","pasted","tab-away","ran","language","starter-loaded"],"type":"string"},
  TimelinePerson: {"additionalProperties":false,"properties":{"name":{"type":"string"},"role":{"$ref":"#/$defs/RoomRole"}},"required":["role"],"type":"object"},
  RoomRole: {"enum":["candidate","interviewer","host"],"type":"string"},
  TimelineConsent: {"additionalProperties":false,"properties":{"aiAnalysis":{"type":"boolean"},"personalData":{"type":"boolean"},"recordingNotice":{"type":"boolean"},"repeats":{"type":"integer"},"textsVersion":{"type":"string"}},"required":["personalData","aiAnalysis","recordingNotice"],"type":"object"},
  RoomTopic: {"additionalProperties":false,"properties":{"added":{"type":"boolean"},"hint":{"type":"string"},"id":{"type":"string"},"title":{"type":"string"}},"required":["id","title"],"type":"object"},
  TimelineQuestion: {"additionalProperties":false,"properties":{"again":{"type":"boolean"},"comment":{"type":"string"},"durationMs":{"type":"integer"},"from":{"format":"date-time","type":"string"},"index":{"type":"integer"},"number":{"type":"integer"},"rating":{"type":"integer"},"rephrased":{"type":"boolean"},"skipped":{"type":"boolean"},"text":{"type":"string"},"to":{"format":"date-time","type":"string"},"total":{"type":"integer"}},"required":["index","number","total","text","from","again","rephrased"],"type":"object"},
  TimelineRephrase: {"additionalProperties":false,"properties":{"alternative":{"type":"string"},"index":{"type":"integer"},"number":{"type":"integer"}},"required":["index","number"],"type":"object"},
  TimelineNote: {"additionalProperties":false,"properties":{"author":{"$ref":"#/$defs/TimelinePerson"},"savedAt":{"format":"date-time","type":"string"},"text":{"type":"string"}},"required":["author","text","savedAt"],"type":"object"},
  TimelinePaste: {"additionalProperties":false,"properties":{"doc":{"type":"string"},"external":{"type":"boolean"},"length":{"type":"integer"}},"required":["doc","length","external"],"type":"object"},
  TimelineRun: {"additionalProperties":false,"properties":{"by":{"$ref":"#/$defs/TimelinePerson"},"doc":{"type":"string"},"durationMs":{"type":"integer"},"exitCode":{"type":"integer"},"language":{"type":"string"},"runner":{"type":"string"},"status":{"type":"string"}},"required":["doc","language","status","exitCode","durationMs","runner","by"],"type":"object"},
  TimelineLanguage: {"additionalProperties":false,"properties":{"doc":{"type":"string"},"language":{"type":"string"}},"required":["doc","language"],"type":"object"},
  InterviewerView: {"additionalProperties":false,"properties":{"activity":{"items":{"$ref":"#/$defs/RoomActivity"},"type":["array","null"]},"assessments":{"additionalProperties":{"$ref":"#/$defs/RoomAssessment"},"type":["object","null"]},"comments":{"additionalProperties":{"type":"string"},"type":["object","null"]},"consent":{"$ref":"#/$defs/RoomConsent"},"consentAt":{"format":"date-time","type":"string"},"done":{"additionalProperties":{"type":"boolean"},"type":["object","null"]},"endedAt":{"format":"date-time","type":"string"},"lastEventAt":{"format":"date-time","type":"string"},"lastSeq":{"type":"integer"},"locked":{"type":"boolean"},"notes":{"additionalProperties":{"$ref":"#/$defs/RoomNote"},"type":["object","null"]},"phase":{"$ref":"#/$defs/RoomPhase"},"plan":{"items":{"$ref":"#/$defs/RoomTopic"},"type":["array","null"]},"question":{"type":"integer"},"questions":{"type":"integer"},"questionsContent":{"items":{"$ref":"#/$defs/Question"},"type":["array","null"]},"ratings":{"additionalProperties":{"type":"integer"},"type":["object","null"]},"recorded":{"type":"boolean"},"rephrased":{"additionalProperties":{"type":"boolean"},"type":["object","null"]},"startedAt":{"format":"date-time","type":"string"},"topics":{"items":{"$ref":"#/$defs/RoomTopic"},"type":["array","null"]},"windows":{"items":{"$ref":"#/$defs/QuestionWindow"},"type":["array","null"]}},"required":["phase","locked","topics","done","questions","question","windows","rephrased","ratings","comments","notes","activity","assessments","lastSeq","plan","questionsContent","recorded"],"type":"object"},
  RoomPhase: {"enum":["waiting","plan","technical","finish","ended"],"type":"string"},
  RoomConsent: {"additionalProperties":false,"properties":{"aiAnalysis":{"type":"boolean"},"personalData":{"type":"boolean"},"recordingNotice":{"type":"boolean"},"textsVersion":{"type":"string"}},"required":["personalData","aiAnalysis","recordingNotice"],"type":"object"},
  QuestionWindow: {"additionalProperties":false,"properties":{"from":{"format":"date-time","type":"string"},"index":{"type":"integer"},"skipped":{"type":"boolean"},"to":{"format":"date-time","type":"string"}},"required":["index","from"],"type":"object"},
  RoomNote: {"additionalProperties":false,"properties":{"author":{"$ref":"#/$defs/RoomActor"},"savedAt":{"format":"date-time","type":"string"},"text":{"type":"string"}},"required":["author","text"],"type":"object"},
  RoomActor: {"additionalProperties":false,"properties":{"email":{"type":"string"},"name":{"type":"string"},"role":{"$ref":"#/$defs/RoomRole"}},"required":["role"],"type":"object"},
  RoomActivity: {"additionalProperties":false,"properties":{"at":{"format":"date-time","type":"string"},"awayMs":{"type":"integer"},"doc":{"type":"string"},"external":{"type":"boolean"},"kind":{"type":"string"},"length":{"type":"integer"}},"required":["kind","at"],"type":"object"},
  RoomAssessment: {"additionalProperties":false,"properties":{"comment":{"type":"string"},"covered":{"items":{"type":"string"},"type":["array","null"]},"heard":{"type":"string"},"index":{"type":"integer"},"missed":{"items":{"type":"string"},"type":["array","null"]},"score":{"type":"number"}},"required":["index","score","covered","missed","heard"],"type":"object"},
  PlaybackRecording: {"additionalProperties":false,"properties":{"board":{"items":{"$ref":"#/$defs/PlaybackBoardStep"},"type":["array","null"]},"docs":{"items":{"$ref":"#/$defs/PlaybackDoc"},"type":["array","null"]}},"required":["docs","board"],"type":"object"},
  PlaybackDoc: {"additionalProperties":false,"properties":{"doc":{"type":"string"},"final":{"type":"string"},"language":{"type":"string"},"steps":{"items":{"$ref":"#/$defs/PlaybackDocStep"},"type":["array","null"]},"version":{"type":"integer"}},"required":["doc","language","steps","final","version"],"type":"object"},
  PlaybackDocStep: {"additionalProperties":false,"properties":{"at":{"format":"date-time","type":"string"},"by":{"$ref":"#/$defs/RoomActor"},"changes":{"items":{},"type":["array","null"]},"language":{"type":"string"},"question":{"type":"integer"}},"required":["at","by"],"type":"object"},
  PlaybackBoardStep: {"additionalProperties":false,"properties":{"at":{"format":"date-time","type":"string"},"by":{"$ref":"#/$defs/RoomActor"},"elements":{"items":{},"type":["array","null"]}},"required":["at","by","elements"],"type":"object"},
  Analysis: {"additionalProperties":false,"properties":{"answers":{"items":{"$ref":"#/$defs/AnswerAnalysis"},"type":["array","null"]},"engines":{"$ref":"#/$defs/AnalysisEngines"},"error":{"type":"string"},"finishedAt":{"format":"date-time","type":"string"},"interviewId":{"type":"string"},"overall":{"$ref":"#/$defs/AnalysisOverall"},"progress":{"type":"number"},"recording":{"$ref":"#/$defs/CombinedRecording"},"startedAt":{"format":"date-time","type":"string"},"status":{"$ref":"#/$defs/AnalysisStatus"},"step":{"type":"string"},"talkTime":{"items":{"$ref":"#/$defs/TalkTime"},"type":["array","null"]},"transcript":{"items":{"$ref":"#/$defs/TranscriptLine"},"type":["array","null"]},"voice":{"items":{"$ref":"#/$defs/SpeakerVoice"},"type":["array","null"]}},"required":["interviewId","status","step","progress","engines","transcript","talkTime","answers","overall","voice"],"type":"object"},
  AnalysisEngines: {"additionalProperties":false,"properties":{"scoring":{"type":"string"},"transcription":{"type":"string"},"transcriptionQuality":{"type":"string"}},"required":["transcription","transcriptionQuality","scoring"],"type":"object"},
  TranscriptLine: {"additionalProperties":false,"properties":{"at":{"format":"date-time","type":"string"},"endMs":{"type":"integer"},"offsetMs":{"type":"integer"},"question":{"type":"integer"},"role":{"type":"string"},"speaker":{"type":"string"},"text":{"type":"string"}},"required":["at","offsetMs","endMs","speaker","role","text"],"type":"object"},
  TalkTime: {"additionalProperties":false,"properties":{"ms":{"type":"integer"},"question":{"type":"integer"},"role":{"type":"string"},"speaker":{"type":"string"}},"required":["speaker","role","ms"],"type":"object"},
  AnswerAnalysis: {"additionalProperties":false,"properties":{"answer":{"type":"string"},"comment":{"type":"string"},"covered":{"items":{"$ref":"#/$defs/AnswerPoint"},"type":["array","null"]},"index":{"type":"integer"},"missed":{"items":{"$ref":"#/$defs/AnswerPoint"},"type":["array","null"]},"override":{"$ref":"#/$defs/ScoreOverride"},"question":{"type":"string"},"rating":{"type":"integer"},"score":{"type":"number"}},"required":["index","question","answer","score","covered","missed","comment"],"type":"object"},
  AnswerPoint: {"additionalProperties":false,"properties":{"evidence":{"type":"string"},"text":{"type":"string"}},"required":["text"],"type":"object"},
  ScoreOverride: {"additionalProperties":false,"properties":{"at":{"format":"date-time","type":"string"},"by":{"type":"string"},"reason":{"type":"string"},"score":{"type":"number"}},"required":["score","by","at"],"type":"object"},
  AnalysisOverall: {"additionalProperties":false,"properties":{"answered":{"type":"integer"},"concerns":{"items":{"type":"string"},"type":["array","null"]},"rating":{"type":"number"},"score":{"type":"number"},"strengths":{"items":{"type":"string"},"type":["array","null"]}},"required":["score","answered","strengths","concerns"],"type":"object"},
  SpeakerVoice: {"additionalProperties":false,"properties":{"participant":{"type":"string"},"role":{"type":"string"},"spans":{"items":{"$ref":"#/$defs/VoiceSpan"},"type":["array","null"]},"speaker":{"type":"string"}},"required":["participant","speaker","role","spans"],"type":"object"},
  VoiceSpan: {"additionalProperties":false,"properties":{"fromMs":{"type":"integer"},"toMs":{"type":"integer"}},"required":["fromMs","toMs"],"type":"object"},
  CombinedRecording: {"additionalProperties":false,"properties":{"durationMs":{"type":"integer"},"height":{"type":"integer"},"layouts":{"items":{"$ref":"#/$defs/RecordingLayout"},"type":["array","null"]},"start":{"format":"date-time","type":"string"},"width":{"type":"integer"}},"required":["start","durationMs","width","height","layouts"],"type":"object"},
  RecordingLayout: {"additionalProperties":false,"properties":{"error":{"type":"string"},"name":{"$ref":"#/$defs/RecordingLayoutName"},"progress":{"type":"number"},"status":{"$ref":"#/$defs/RecordingLayoutStatus"}},"required":["name","status","progress"],"type":"object"},
  RecordingLayoutName: {"enum":["pip","grid"],"type":"string"},
  RecordingLayoutStatus: {"enum":["ready","building","failed"],"type":"string"},
  OverrideRequest: {"additionalProperties":false,"properties":{"reason":{"type":"string"},"score":{"type":"number"}},"required":["score"],"type":"object"},
  Report: {"additionalProperties":false,"properties":{"analysisStatus":{"$ref":"#/$defs/AnalysisStatus"},"campaign":{"type":"string"},"candidate":{"$ref":"#/$defs/Person"},"concerns":{"items":{"type":"string"},"type":["array","null"]},"declined":{"type":"boolean"},"durationMs":{"type":"integer"},"ended":{"type":"boolean"},"endedAt":{"format":"date-time","type":"string"},"engines":{"$ref":"#/$defs/AnalysisEngines"},"files":{"$ref":"#/$defs/ReportFiles"},"interviewId":{"type":"string"},"interviewers":{"items":{"$ref":"#/$defs/Person"},"type":["array","null"]},"notes":{"items":{"$ref":"#/$defs/ReportNote"},"type":["array","null"]},"notices":{"items":{"type":"string"},"type":["array","null"]},"plannedMinutes":{"type":"integer"},"position":{"type":"string"},"questions":{"items":{"$ref":"#/$defs/ReportQuestion"},"type":["array","null"]},"recording":{"$ref":"#/$defs/CombinedRecording"},"scheduledAt":{"format":"date-time","type":"string"},"score":{"$ref":"#/$defs/ReportScore"},"startedAt":{"format":"date-time","type":"string"},"strengths":{"items":{"type":"string"},"type":["array","null"]},"talkTime":{"items":{"$ref":"#/$defs/TalkTime"},"type":["array","null"]},"template":{"type":"string"},"timeZone":{"type":"string"},"timeline":{"items":{"$ref":"#/$defs/ReportEntry"},"type":["array","null"]},"transcript":{"items":{"$ref":"#/$defs/TranscriptLine"},"type":["array","null"]},"voice":{"items":{"$ref":"#/$defs/SpeakerVoice"},"type":["array","null"]}},"required":["interviewId","candidate","position","template","interviewers","timeZone","scheduledAt","plannedMinutes","durationMs","ended","declined","notices","score","strengths","concerns","questions","notes","talkTime","transcript","timeline","voice","files"],"type":"object"},
  ReportScore: {"additionalProperties":false,"properties":{"ai":{"type":"number"},"answered":{"type":"integer"},"overridden":{"type":"integer"},"rated":{"type":"integer"},"rating":{"type":"number"},"scale":{"type":"number"}},"required":["scale","answered","overridden","rated"],"type":"object"},
  ReportQuestion: {"additionalProperties":false,"properties":{"ai":{"$ref":"#/$defs/AnswerAnalysis"},"alternative":{"type":"string"},"asked":{"type":"boolean"},"comment":{"type":"string"},"expectedAnswer":{"type":"string"},"keyPoints":{"items":{"type":"string"},"type":["array","null"]},"number":{"type":"integer"},"onScreenMs":{"type":"integer"},"rating":{"type":"integer"},"rephrased":{"type":"boolean"},"score":{"type":"number"},"skipped":{"type":"boolean"},"talkTime":{"items":{"$ref":"#/$defs/TalkTime"},"type":["array","null"]},"text":{"type":"string"}},"required":["number","text","keyPoints","asked","onScreenMs","talkTime"],"type":"object"},
  ReportNote: {"additionalProperties":false,"properties":{"author":{"type":"string"},"savedAt":{"format":"date-time","type":"string"},"text":{"type":"string"}},"required":["author","text"],"type":"object"},
  ReportEntry: {"additionalProperties":false,"properties":{"at":{"format":"date-time","type":"string"},"kind":{"$ref":"#/$defs/TimelineKind"},"offsetMs":{"type":"integer"},"text":{"type":"string"}},"required":["at","offsetMs","kind","text"],"type":"object"},
  ReportFiles: {"additionalProperties":false,"properties":{"html":{"type":"string"},"pdf":{"type":"string"},"recording":{"type":"string"}},"required":["html","pdf","recording"],"type":"object"},
  RoomPresence: {"additionalProperties":false,"properties":{"locked":{"type":"boolean"},"members":{"items":{"$ref":"#/$defs/RoomMember"},"type":["array","null"]},"phase":{"$ref":"#/$defs/RoomPhase"}},"required":["phase","locked","members"],"type":"object"},
  RoomMember: {"additionalProperties":false,"properties":{"id":{"type":"string"},"name":{"type":"string"},"participant":{"type":"string"},"ready":{"type":"boolean"},"role":{"$ref":"#/$defs/RoomRole"},"since":{"format":"date-time","type":"string"}},"required":["id","participant","role","name","ready","since"],"type":"object"},
  RecordingList: {"additionalProperties":false,"properties":{"recordings":{"items":{"$ref":"#/$defs/Recording"},"type":["array","null"]}},"required":["recordings"],"type":"object"},
  Recording: {"additionalProperties":false,"properties":{"active":{"type":"boolean"},"bytes":{"type":"integer"},"codec":{"type":"string"},"durationMs":{"type":"integer"},"finalised":{"type":"boolean"},"kind":{"type":"string"},"name":{"type":"string"},"participant":{"type":"string"},"participantName":{"type":"string"},"source":{"type":"string"},"started":{"format":"date-time","type":"string"},"url":{"type":"string"}},"required":["name","participant","participantName","source","kind","codec","bytes","durationMs","started","active","finalised","url"],"type":"object"},
  Invitation: {"additionalProperties":false,"properties":{"email":{"type":"string"},"for":{"type":"string"},"link":{"type":"string"},"name":{"type":"string"},"subject":{"type":"string"},"text":{"type":"string"}},"required":["for","name","email","link","subject","text"],"type":"object"},
  Outbox: {"additionalProperties":false,"properties":{"mailConfigured":{"type":"boolean"},"messages":{"items":{"$ref":"#/$defs/OutboxMessage"},"type":["array","null"]}},"required":["mailConfigured","messages"],"type":"object"},
  OutboxMessage: {"additionalProperties":false,"properties":{"attempts":{"type":"integer"},"createdAt":{"format":"date-time","type":"string"},"id":{"type":"string"},"kind":{"$ref":"#/$defs/OutboxKind"},"lastError":{"type":"string"},"nextAttemptAt":{"format":"date-time","type":"string"},"sentAt":{"format":"date-time","type":"string"},"state":{"$ref":"#/$defs/OutboxState"},"subject":{"type":"string"},"to":{"$ref":"#/$defs/Person"},"uncomposed":{"type":"boolean"}},"required":["id","to","subject","kind","state","attempts","createdAt"],"type":"object"},
  OutboxKind: {"enum":["invite","reschedule","cancel","test"],"type":"string"},
  OutboxState: {"enum":["queued","sending","sent","failed"],"type":"string"},
  MailSettings: {"additionalProperties":false,"properties":{"configured":{"type":"boolean"},"fromAddress":{"type":"string"},"fromName":{"type":"string"},"hasPassword":{"type":"boolean"},"host":{"type":"string"},"port":{"type":"integer"},"replyTo":{"type":"string"},"security":{"$ref":"#/$defs/MailSecurity"},"username":{"type":"string"}},"required":["host","port","security","username","hasPassword","fromName","fromAddress","replyTo","configured"],"type":"object"},
  MailSecurity: {"enum":["starttls","tls","none"],"type":"string"},
  MailUpdate: {"additionalProperties":false,"properties":{"clearPassword":{"type":"boolean"},"fromAddress":{"type":"string"},"fromName":{"type":"string"},"host":{"type":"string"},"password":{"type":"string"},"port":{"type":"integer"},"replyTo":{"type":"string"},"security":{"$ref":"#/$defs/MailSecurity"},"username":{"type":"string"}},"required":["host","port","security","fromAddress"],"type":"object"},
  TestMail: {"additionalProperties":false,"properties":{"to":{"type":"string"}},"required":["to"],"type":"object"},
  TestMailSent: {"additionalProperties":false,"properties":{"sentTo":{"type":"string"}},"required":["sentTo"],"type":"object"},
  CodeRunnerSettings: {"additionalProperties":false,"properties":{"configured":{"type":"boolean"},"hasToken":{"type":"boolean"},"url":{"type":"string"}},"required":["url","hasToken","configured"],"type":"object"},
  CodeRunnerUpdate: {"additionalProperties":false,"properties":{"clearToken":{"type":"boolean"},"token":{"type":"string"},"url":{"type":"string"}},"required":["url"],"type":"object"},
  CodeRunnerTest: {"additionalProperties":false,"properties":{"languages":{"items":{"$ref":"#/$defs/Language"},"type":["array","null"]},"runtimes":{"items":{"$ref":"#/$defs/CodeRunnerRuntime"},"type":["array","null"]},"url":{"type":"string"}},"required":["url","runtimes","languages"],"type":"object"},
  CodeRunnerRuntime: {"additionalProperties":false,"properties":{"aliases":{"items":{"type":"string"},"type":["array","null"]},"language":{"type":"string"},"runtime":{"type":"string"},"version":{"type":"string"}},"required":["language","version","aliases"],"type":"object"},
  MediaServerSettings: {"additionalProperties":false,"properties":{"apiKey":{"type":"string"},"configured":{"type":"boolean"},"hasSecret":{"type":"boolean"},"liveKitUrl":{"type":"string"}},"required":["liveKitUrl","apiKey","hasSecret","configured"],"type":"object"},
  MediaServerUpdate: {"additionalProperties":false,"properties":{"apiKey":{"type":"string"},"apiSecret":{"type":"string"},"liveKitUrl":{"type":"string"}},"required":["liveKitUrl","apiKey"],"type":"object"},
  AnalysisEngineSettings: {"additionalProperties":false,"properties":{"scoring":{"$ref":"#/$defs/AnalysisEngineSetting"},"transcription":{"$ref":"#/$defs/AnalysisEngineSetting"}},"required":["transcription","scoring"],"type":"object"},
  AnalysisEngineSetting: {"additionalProperties":false,"properties":{"engine":{"$ref":"#/$defs/AnalysisEngineKind"},"hasKey":{"type":"boolean"},"model":{"type":"string"},"url":{"type":"string"}},"required":["engine","url","model","hasKey"],"type":"object"},
  AnalysisEngineKind: {"enum":["offline","openai"],"type":"string"},
  AnalysisEnginesUpdate: {"additionalProperties":false,"properties":{"scoring":{"$ref":"#/$defs/AnalysisEngineUpdate"},"transcription":{"$ref":"#/$defs/AnalysisEngineUpdate"}},"required":["transcription","scoring"],"type":"object"},
  AnalysisEngineUpdate: {"additionalProperties":false,"properties":{"clearKey":{"type":"boolean"},"engine":{"$ref":"#/$defs/AnalysisEngineKind"},"key":{"type":"string"},"model":{"type":"string"},"url":{"type":"string"}},"required":[],"type":"object"},
  AnalysisEnginesTest: {"additionalProperties":false,"properties":{"scoring":{"$ref":"#/$defs/AnalysisEngineTest"},"transcription":{"$ref":"#/$defs/AnalysisEngineTest"}},"required":["transcription","scoring"],"type":"object"},
  AnalysisEngineTest: {"additionalProperties":false,"properties":{"engine":{"$ref":"#/$defs/AnalysisEngineKind"},"message":{"type":"string"},"ok":{"type":"boolean"}},"required":["engine","ok","message"],"type":"object"},
  ConsentRecord: {"additionalProperties":false,"properties":{"candidate":{"$ref":"#/$defs/Person"},"current":{"type":"string"},"given":{"items":{"$ref":"#/$defs/GivenConsent"},"type":["array","null"]},"interviewId":{"type":"string"},"texts":{"additionalProperties":{"$ref":"#/$defs/ConsentTexts"},"type":["object","null"]}},"required":["interviewId","candidate","given","texts","current"],"type":"object"},
  GivenConsent: {"additionalProperties":false,"properties":{"aiAnalysis":{"type":"boolean"},"at":{"format":"date-time","type":"string"},"personalData":{"type":"boolean"},"recording":{"type":"boolean"},"textsVersion":{"type":"string"}},"required":["at","personalData","aiAnalysis","recording"],"type":"object"},
  InterviewContents: {"additionalProperties":false,"properties":{"analysis":{"type":"boolean"},"candidate":{"$ref":"#/$defs/Person"},"deletable":{"type":"boolean"},"emails":{"type":"integer"},"events":{"type":"integer"},"interviewId":{"type":"string"},"position":{"type":"string"},"reason":{"type":"string"},"recordings":{"$ref":"#/$defs/RecordingFiles"},"startsAt":{"format":"date-time","type":"string"},"status":{"$ref":"#/$defs/InterviewStatus"},"unsent":{"type":"integer"}},"required":["interviewId","candidate","position","startsAt","status","recordings","events","analysis","emails","unsent","deletable"],"type":"object"},
  RecordingFiles: {"additionalProperties":false,"properties":{"bytes":{"type":"integer"},"files":{"type":"integer"}},"required":["files","bytes"],"type":"object"},
  Retention: {"additionalProperties":false,"properties":{"interviewDataDays":{"type":"integer"},"lastRunAt":{"format":"date-time","type":"string"},"recordingsDays":{"type":"integer"}},"required":["recordingsDays","interviewDataDays"],"type":"object"},
  RetentionSettings: {"additionalProperties":false,"properties":{"interviewDataDays":{"type":"integer"},"recordingsDays":{"type":"integer"}},"required":["recordingsDays","interviewDataDays"],"type":"object"},
  RetentionPlan: {"additionalProperties":false,"properties":{"at":{"format":"date-time","type":"string"},"candidates":{"type":"integer"},"files":{"$ref":"#/$defs/RecordingFiles"},"interviews":{"type":"integer"},"items":{"items":{"$ref":"#/$defs/RetentionItem"},"type":["array","null"]},"recordings":{"type":"integer"},"settings":{"$ref":"#/$defs/RetentionSettings"}},"required":["settings","at","items","interviews","recordings","candidates","files"],"type":"object"},
  RetentionItem: {"additionalProperties":false,"properties":{"candidate":{"type":"string"},"endsAt":{"format":"date-time","type":"string"},"files":{"$ref":"#/$defs/RecordingFiles"},"interviewId":{"type":"string"},"position":{"type":"string"},"subject":{"type":"string"},"what":{"$ref":"#/$defs/RetentionWhat"},"why":{"type":"string"}},"required":["what","files","why"],"type":"object"},
  RetentionWhat: {"enum":["recordings","interview","leftover","candidate"],"type":"string"},
  RetentionRun: {"additionalProperties":false,"properties":{"actor":{"$ref":"#/$defs/AuditActor"},"at":{"format":"date-time","type":"string"},"deleted":{"items":{"$ref":"#/$defs/RetentionItem"},"type":["array","null"]},"files":{"$ref":"#/$defs/RecordingFiles"},"seq":{"type":"integer"},"settings":{"$ref":"#/$defs/RetentionSettings"},"skipped":{"items":{"$ref":"#/$defs/RetentionSkip"},"type":["array","null"]},"trigger":{"$ref":"#/$defs/RetentionTrigger"}},"required":["seq","at","trigger","actor","settings","deleted","skipped","files"],"type":"object"},
  RetentionTrigger: {"enum":["automatic","manual"],"type":"string"},
  AuditActor: {"additionalProperties":false,"properties":{"name":{"type":"string"},"via":{"$ref":"#/$defs/AuditVia"}},"required":["name","via"],"type":"object"},
  AuditVia: {"enum":["console","cli","host"],"type":"string"},
  RetentionSkip: {"additionalProperties":false,"properties":{"interviewId":{"type":"string"},"position":{"type":"string"},"reason":{"type":"string"},"subject":{"type":"string"}},"required":["reason"],"type":"object"},
  RetentionLog: {"additionalProperties":false,"properties":{"next":{"type":"integer"},"runs":{"items":{"$ref":"#/$defs/RetentionRun"},"type":["array","null"]}},"required":["runs"],"type":"object"},
  CandidateData: {"additionalProperties":false,"properties":{"analyses":{"type":"integer"},"email":{"type":"string"},"emails":{"type":"integer"},"erasable":{"type":"boolean"},"events":{"type":"integer"},"interviews":{"items":{"$ref":"#/$defs/InterviewContents"},"type":["array","null"]},"names":{"items":{"type":"string"},"type":["array","null"]},"profile":{"type":"boolean"},"reason":{"type":"string"},"recordings":{"$ref":"#/$defs/RecordingFiles"},"results":{"type":"integer"}},"required":["email","names","interviews","recordings","events","analyses","emails","profile","results","erasable"],"type":"object"},
  CandidateEmail: {"additionalProperties":false,"properties":{"email":{"type":"string"}},"required":["email"],"type":"object"},
  BackupStatus: {"additionalProperties":false,"properties":{"dataDir":{"type":"string"},"last":{"$ref":"#/$defs/LastBackup"}},"required":["dataDir"],"type":"object"},
  LastBackup: {"additionalProperties":false,"properties":{"actor":{"$ref":"#/$defs/AuditActor"},"at":{"format":"date-time","type":"string"},"bytes":{"type":"integer"},"mediaBytes":{"type":"integer"},"mediaFiles":{"type":"integer"},"sha256":{"type":"string"},"withMedia":{"type":"boolean"}},"required":["at","actor","bytes","sha256","withMedia","mediaFiles","mediaBytes"],"type":"object"},
  AuditPage: {"additionalProperties":false,"properties":{"entries":{"items":{"$ref":"#/$defs/AuditEntry"},"type":["array","null"]},"next":{"type":"integer"}},"required":["entries"],"type":"object"},
  AuditEntry: {"additionalProperties":false,"properties":{"actor":{"$ref":"#/$defs/AuditActor"},"at":{"format":"date-time","type":"string"},"kind":{"$ref":"#/$defs/AuditKind"},"seq":{"type":"integer"},"subject":{"type":"string"},"text":{"type":"string"}},"required":["seq","at","kind","actor","text"],"type":"object"},
  AuditKind: {"enum":["sign-in","users","settings","deletion","export","erasure","backup","restore","retention"],"type":"string"},
  LiveRoomList: {"additionalProperties":false,"properties":{"rooms":{"items":{"$ref":"#/$defs/LiveRoom"},"type":["array","null"]},"total":{"type":"integer"}},"required":["rooms","total"],"type":"object"},
  LiveRoom: {"additionalProperties":false,"properties":{"campaign":{"type":"string"},"candidate":{"$ref":"#/$defs/Person"},"candidateLink":{"type":"string"},"endsAt":{"format":"date-time","type":"string"},"group":{"$ref":"#/$defs/LiveRoomGroup"},"id":{"type":"string"},"interviewerLink":{"type":"string"},"interviewers":{"items":{"$ref":"#/$defs/Person"},"type":["array","null"]},"position":{"type":"string"},"presence":{"$ref":"#/$defs/RoomPresence"},"startsAt":{"format":"date-time","type":"string"},"templateName":{"type":"string"},"timeZone":{"type":"string"},"tools":{"$ref":"#/$defs/RoomTools"}},"required":["id","candidate","position","campaign","templateName","startsAt","endsAt","timeZone","tools","interviewers","interviewerLink","candidateLink","group"],"type":"object"},
  LiveRoomGroup: {"enum":["live","now","upcoming"],"type":"string"},
  KnownInterviewers: {"additionalProperties":false,"properties":{"interviewers":{"items":{"$ref":"#/$defs/Person"},"type":["array","null"]}},"required":["interviewers"],"type":"object"},
}

/** Each endpoint's request body and answer, by "METHOD PATH". */
export type Endpoints = {
  'GET /api/health': { request: undefined; response: Health }
  'GET /api/stream': { request: undefined; response: string }
  'GET /api/settings': { request: undefined; response: Settings }
  'PUT /api/settings': { request: SettingsUpdate; response: Settings }
  'GET /api/account': { request: undefined; response: Account }
  'PUT /api/account': { request: ProfileUpdate; response: Account }
  'POST /api/account/sign-in': { request: SignInRequest; response: Account }
  'POST /api/account/sign-out': { request: undefined; response: undefined }
  'POST /api/account/password-reset': { request: PasswordResetRequest; response: undefined }
  'POST /api/account/password-link': { request: PasswordLinkRequest; response: PasswordLinkInfo }
  'POST /api/account/password': { request: NewPasswordRequest; response: Account }
  'PUT /api/account/password': { request: PasswordChangeRequest; response: Account }
  'GET /api/users': { request: undefined; response: UserList }
  'POST /api/users': { request: UserInvite; response: InvitedUser }
  'PUT /api/users/{id}/role': { request: RoleChange; response: User }
  'DELETE /api/users/{id}': { request: undefined; response: undefined }
  'POST /api/users/{id}/setup-link': { request: SetupLinkRequest; response: InvitedUser }
  'GET /api/templates': { request: undefined; response: TemplateList }
  'POST /api/templates': { request: TemplateFields; response: Template }
  'POST /api/templates/import': { request: string; response: TemplateList }
  'GET /api/templates/{id}': { request: undefined; response: Template }
  'PUT /api/templates/{id}': { request: TemplateFields; response: Template }
  'DELETE /api/templates/{id}': { request: undefined; response: undefined }
  'POST /api/templates/{id}/duplicate': { request: undefined; response: Template }
  'GET /api/templates/{id}/export': { request: undefined; response: string }
  'GET /api/interviews': { request: undefined; response: InterviewList }
  'GET /api/overview': { request: undefined; response: Overview }
  'POST /api/interviews': { request: NewInterview; response: Interview }
  'GET /api/interviews/{id}': { request: undefined; response: Interview }
  'DELETE /api/interviews/{id}': { request: undefined; response: Interview }
  'POST /api/interviews/{id}/reschedule': { request: Reschedule; response: Interview }
  'POST /api/interviews/{id}/restore': { request: undefined; response: Interview }
  'POST /api/interviews/{id}/interviewers': { request: Person; response: Interview }
  'DELETE /api/interviews/{id}/interviewers/{email}': { request: undefined; response: Interview }
  'PUT /api/interviews/{id}/tools': { request: RoomTools; response: Interview }
  'GET /api/candidates': { request: undefined; response: CandidateList }
  'POST /api/candidates/import': { request: ResultsFile; response: ImportReport }
  'GET /api/candidates/{id}': { request: undefined; response: Candidate }
  'PUT /api/candidates/{id}': { request: CandidateUpdate; response: Candidate }
  'POST /api/candidates/{id}/stage': { request: StageMove; response: Candidate }
  'GET /api/candidates/{id}/interviews': { request: undefined; response: CandidateInterviews }
  'GET /api/candidates/{id}/results': { request: undefined; response: CandidateResults }
  'GET /api/pipeline': { request: undefined; response: Pipeline }
  'GET /api/campaigns': { request: undefined; response: CampaignList }
  'POST /api/campaigns': { request: CampaignInput; response: CampaignView }
  'POST /api/campaigns/preview': { request: CampaignInput; response: SlotPreview }
  'GET /api/campaigns/{id}': { request: undefined; response: CampaignView }
  'PUT /api/campaigns/{id}': { request: CampaignInput; response: CampaignView }
  'POST /api/campaigns/{id}/close': { request: undefined; response: CampaignView }
  'POST /api/campaigns/{id}/reopen': { request: undefined; response: CampaignView }
  'GET /api/interviews/{id}/timeline': { request: undefined; response: Timeline }
  'GET /api/interviews/{id}/playback': { request: undefined; response: PlaybackRecording }
  'GET /api/interviews/{id}/analysis': { request: undefined; response: Analysis }
  'GET /api/interviews/{id}/recording': { request: undefined; response: string }
  'GET /api/interviews/{id}/recording/{layout}': { request: undefined; response: string }
  'POST /api/interviews/{id}/recording/{layout}': { request: undefined; response: Analysis }
  'POST /api/interviews/{id}/analysis': { request: undefined; response: Analysis }
  'PUT /api/interviews/{id}/analysis/answers/{question}/override': { request: OverrideRequest; response: Analysis }
  'GET /api/interviews/{id}/report': { request: undefined; response: Report }
  'GET /api/interviews/{id}/report.html': { request: undefined; response: string }
  'DELETE /api/interviews/{id}/results-links': { request: undefined; response: Interview }
  'GET /api/interviews/{id}/report.pdf': { request: undefined; response: string }
  'GET /api/interviews/{id}/presence': { request: undefined; response: RoomPresence }
  'GET /api/interviews/{id}/recordings': { request: undefined; response: RecordingList }
  'GET /api/interviews/{id}/recordings/{name}': { request: undefined; response: string }
  'GET /api/interviews/{id}/invitation': { request: undefined; response: Invitation }
  'GET /api/interviews/{id}/ics': { request: undefined; response: string }
  'GET /api/interviews/{id}/outbox': { request: undefined; response: Outbox }
  'POST /api/interviews/{id}/invitations': { request: undefined; response: Outbox }
  'POST /api/outbox/{id}/resend': { request: undefined; response: OutboxMessage }
  'GET /api/settings/mail': { request: undefined; response: MailSettings }
  'PUT /api/settings/mail': { request: MailUpdate; response: MailSettings }
  'POST /api/settings/mail/test': { request: TestMail; response: TestMailSent }
  'GET /api/settings/runner': { request: undefined; response: CodeRunnerSettings }
  'PUT /api/settings/runner': { request: CodeRunnerUpdate; response: CodeRunnerSettings }
  'POST /api/settings/runner/test': { request: undefined; response: CodeRunnerTest }
  'GET /api/settings/media': { request: undefined; response: MediaServerSettings }
  'PUT /api/settings/media': { request: MediaServerUpdate; response: MediaServerSettings }
  'GET /api/settings/analysis': { request: undefined; response: AnalysisEngineSettings }
  'PUT /api/settings/analysis': { request: AnalysisEnginesUpdate; response: AnalysisEngineSettings }
  'POST /api/settings/analysis/test': { request: undefined; response: AnalysisEnginesTest }
  'GET /api/interviews/{id}/consent': { request: undefined; response: ConsentRecord }
  'GET /api/interviews/{id}/purge': { request: undefined; response: InterviewContents }
  'POST /api/interviews/{id}/purge': { request: undefined; response: InterviewContents }
  'GET /api/settings/retention': { request: undefined; response: Retention }
  'PUT /api/settings/retention': { request: RetentionSettings; response: Retention }
  'GET /api/retention/preview': { request: undefined; response: RetentionPlan }
  'POST /api/retention/apply': { request: undefined; response: RetentionRun }
  'GET /api/retention/log': { request: undefined; response: RetentionLog }
  'GET /api/candidate-data': { request: undefined; response: CandidateData }
  'GET /api/candidate-data/export': { request: undefined; response: string }
  'POST /api/candidate-data/erase': { request: CandidateEmail; response: CandidateData }
  'GET /api/backup': { request: undefined; response: BackupStatus }
  'GET /api/backup/archive': { request: undefined; response: string }
  'GET /api/audit': { request: undefined; response: AuditPage }
  'GET /api/live-rooms': { request: undefined; response: LiveRoomList }
  'GET /api/interviewers': { request: undefined; response: KnownInterviewers }
}
export type EndpointKey = keyof Endpoints

export type Endpoint = {
  method: string
  /** With {name} for each path parameter. */
  path: string
  /** The success status. */
  status: number
  /** The body's type; "file" for a file sent as is; null for none. */
  request: TypeName | 'file' | null
  /** The answer's type; null for a file or no answer. */
  response: TypeName | null
  /** The media type of an answer that is a file. */
  file: string | null
  /** Error codes beyond COMMON_ERRORS. */
  errors: ApiErrorCode[]
}

export const endpoints: Record<EndpointKey, Endpoint> = {
  'GET /api/health': { method: 'GET', path: '/api/health', status: 200, request: null, response: 'Health', file: null, errors: [] },
  'GET /api/stream': { method: 'GET', path: '/api/stream', status: 200, request: null, response: null, file: 'text/event-stream', errors: ['not_found'] },
  'GET /api/settings': { method: 'GET', path: '/api/settings', status: 200, request: null, response: 'Settings', file: null, errors: [] },
  'PUT /api/settings': { method: 'PUT', path: '/api/settings', status: 200, request: 'SettingsUpdate', response: 'Settings', file: null, errors: ['invalid'] },
  'GET /api/account': { method: 'GET', path: '/api/account', status: 200, request: null, response: 'Account', file: null, errors: [] },
  'PUT /api/account': { method: 'PUT', path: '/api/account', status: 200, request: 'ProfileUpdate', response: 'Account', file: null, errors: ['invalid', 'conflict'] },
  'POST /api/account/sign-in': { method: 'POST', path: '/api/account/sign-in', status: 200, request: 'SignInRequest', response: 'Account', file: null, errors: ['not_found'] },
  'POST /api/account/sign-out': { method: 'POST', path: '/api/account/sign-out', status: 204, request: null, response: null, file: null, errors: [] },
  'POST /api/account/password-reset': { method: 'POST', path: '/api/account/password-reset', status: 204, request: 'PasswordResetRequest', response: null, file: null, errors: ['conflict', 'not_found'] },
  'POST /api/account/password-link': { method: 'POST', path: '/api/account/password-link', status: 200, request: 'PasswordLinkRequest', response: 'PasswordLinkInfo', file: null, errors: ['not_found'] },
  'POST /api/account/password': { method: 'POST', path: '/api/account/password', status: 200, request: 'NewPasswordRequest', response: 'Account', file: null, errors: ['not_found', 'invalid'] },
  'PUT /api/account/password': { method: 'PUT', path: '/api/account/password', status: 200, request: 'PasswordChangeRequest', response: 'Account', file: null, errors: ['invalid', 'conflict'] },
  'GET /api/users': { method: 'GET', path: '/api/users', status: 200, request: null, response: 'UserList', file: null, errors: ['not_found'] },
  'POST /api/users': { method: 'POST', path: '/api/users', status: 201, request: 'UserInvite', response: 'InvitedUser', file: null, errors: ['invalid', 'conflict', 'not_found'] },
  'PUT /api/users/{id}/role': { method: 'PUT', path: '/api/users/{id}/role', status: 200, request: 'RoleChange', response: 'User', file: null, errors: ['not_found', 'invalid', 'conflict'] },
  'DELETE /api/users/{id}': { method: 'DELETE', path: '/api/users/{id}', status: 204, request: null, response: null, file: null, errors: ['not_found', 'conflict'] },
  'POST /api/users/{id}/setup-link': { method: 'POST', path: '/api/users/{id}/setup-link', status: 200, request: 'SetupLinkRequest', response: 'InvitedUser', file: null, errors: ['not_found', 'conflict', 'invalid'] },
  'GET /api/templates': { method: 'GET', path: '/api/templates', status: 200, request: null, response: 'TemplateList', file: null, errors: [] },
  'POST /api/templates': { method: 'POST', path: '/api/templates', status: 201, request: 'TemplateFields', response: 'Template', file: null, errors: ['invalid'] },
  'POST /api/templates/import': { method: 'POST', path: '/api/templates/import', status: 201, request: 'file', response: 'TemplateList', file: null, errors: ['bad_request', 'invalid'] },
  'GET /api/templates/{id}': { method: 'GET', path: '/api/templates/{id}', status: 200, request: null, response: 'Template', file: null, errors: ['not_found'] },
  'PUT /api/templates/{id}': { method: 'PUT', path: '/api/templates/{id}', status: 200, request: 'TemplateFields', response: 'Template', file: null, errors: ['not_found', 'invalid'] },
  'DELETE /api/templates/{id}': { method: 'DELETE', path: '/api/templates/{id}', status: 204, request: null, response: null, file: null, errors: ['not_found'] },
  'POST /api/templates/{id}/duplicate': { method: 'POST', path: '/api/templates/{id}/duplicate', status: 201, request: null, response: 'Template', file: null, errors: ['not_found'] },
  'GET /api/templates/{id}/export': { method: 'GET', path: '/api/templates/{id}/export', status: 200, request: null, response: null, file: 'application/json', errors: ['not_found'] },
  'GET /api/interviews': { method: 'GET', path: '/api/interviews', status: 200, request: null, response: 'InterviewList', file: null, errors: ['invalid'] },
  'GET /api/overview': { method: 'GET', path: '/api/overview', status: 200, request: null, response: 'Overview', file: null, errors: [] },
  'POST /api/interviews': { method: 'POST', path: '/api/interviews', status: 201, request: 'NewInterview', response: 'Interview', file: null, errors: ['invalid'] },
  'GET /api/interviews/{id}': { method: 'GET', path: '/api/interviews/{id}', status: 200, request: null, response: 'Interview', file: null, errors: ['not_found'] },
  'DELETE /api/interviews/{id}': { method: 'DELETE', path: '/api/interviews/{id}', status: 200, request: null, response: 'Interview', file: null, errors: ['not_found', 'conflict'] },
  'POST /api/interviews/{id}/reschedule': { method: 'POST', path: '/api/interviews/{id}/reschedule', status: 200, request: 'Reschedule', response: 'Interview', file: null, errors: ['not_found', 'conflict', 'invalid'] },
  'POST /api/interviews/{id}/restore': { method: 'POST', path: '/api/interviews/{id}/restore', status: 200, request: null, response: 'Interview', file: null, errors: ['not_found', 'conflict', 'invalid'] },
  'POST /api/interviews/{id}/interviewers': { method: 'POST', path: '/api/interviews/{id}/interviewers', status: 201, request: 'Person', response: 'Interview', file: null, errors: ['not_found', 'conflict', 'invalid'] },
  'DELETE /api/interviews/{id}/interviewers/{email}': { method: 'DELETE', path: '/api/interviews/{id}/interviewers/{email}', status: 200, request: null, response: 'Interview', file: null, errors: ['not_found', 'conflict'] },
  'PUT /api/interviews/{id}/tools': { method: 'PUT', path: '/api/interviews/{id}/tools', status: 200, request: 'RoomTools', response: 'Interview', file: null, errors: ['not_found', 'conflict'] },
  'GET /api/candidates': { method: 'GET', path: '/api/candidates', status: 200, request: null, response: 'CandidateList', file: null, errors: ['invalid'] },
  'POST /api/candidates/import': { method: 'POST', path: '/api/candidates/import', status: 200, request: 'ResultsFile', response: 'ImportReport', file: null, errors: ['invalid'] },
  'GET /api/candidates/{id}': { method: 'GET', path: '/api/candidates/{id}', status: 200, request: null, response: 'Candidate', file: null, errors: ['not_found'] },
  'PUT /api/candidates/{id}': { method: 'PUT', path: '/api/candidates/{id}', status: 200, request: 'CandidateUpdate', response: 'Candidate', file: null, errors: ['not_found', 'invalid', 'conflict'] },
  'POST /api/candidates/{id}/stage': { method: 'POST', path: '/api/candidates/{id}/stage', status: 200, request: 'StageMove', response: 'Candidate', file: null, errors: ['not_found', 'invalid'] },
  'GET /api/candidates/{id}/interviews': { method: 'GET', path: '/api/candidates/{id}/interviews', status: 200, request: null, response: 'CandidateInterviews', file: null, errors: ['not_found'] },
  'GET /api/candidates/{id}/results': { method: 'GET', path: '/api/candidates/{id}/results', status: 200, request: null, response: 'CandidateResults', file: null, errors: ['not_found'] },
  'GET /api/pipeline': { method: 'GET', path: '/api/pipeline', status: 200, request: null, response: 'Pipeline', file: null, errors: [] },
  'GET /api/campaigns': { method: 'GET', path: '/api/campaigns', status: 200, request: null, response: 'CampaignList', file: null, errors: [] },
  'POST /api/campaigns': { method: 'POST', path: '/api/campaigns', status: 201, request: 'CampaignInput', response: 'CampaignView', file: null, errors: ['invalid'] },
  'POST /api/campaigns/preview': { method: 'POST', path: '/api/campaigns/preview', status: 200, request: 'CampaignInput', response: 'SlotPreview', file: null, errors: ['invalid'] },
  'GET /api/campaigns/{id}': { method: 'GET', path: '/api/campaigns/{id}', status: 200, request: null, response: 'CampaignView', file: null, errors: ['not_found'] },
  'PUT /api/campaigns/{id}': { method: 'PUT', path: '/api/campaigns/{id}', status: 200, request: 'CampaignInput', response: 'CampaignView', file: null, errors: ['not_found', 'invalid'] },
  'POST /api/campaigns/{id}/close': { method: 'POST', path: '/api/campaigns/{id}/close', status: 200, request: null, response: 'CampaignView', file: null, errors: ['not_found'] },
  'POST /api/campaigns/{id}/reopen': { method: 'POST', path: '/api/campaigns/{id}/reopen', status: 200, request: null, response: 'CampaignView', file: null, errors: ['not_found'] },
  'GET /api/interviews/{id}/timeline': { method: 'GET', path: '/api/interviews/{id}/timeline', status: 200, request: null, response: 'Timeline', file: null, errors: ['not_found'] },
  'GET /api/interviews/{id}/playback': { method: 'GET', path: '/api/interviews/{id}/playback', status: 200, request: null, response: 'PlaybackRecording', file: null, errors: ['not_found'] },
  'GET /api/interviews/{id}/analysis': { method: 'GET', path: '/api/interviews/{id}/analysis', status: 200, request: null, response: 'Analysis', file: null, errors: ['not_found'] },
  'GET /api/interviews/{id}/recording': { method: 'GET', path: '/api/interviews/{id}/recording', status: 200, request: null, response: null, file: 'video/webm', errors: ['not_found'] },
  'GET /api/interviews/{id}/recording/{layout}': { method: 'GET', path: '/api/interviews/{id}/recording/{layout}', status: 200, request: null, response: null, file: 'video/webm', errors: ['not_found', 'bad_request'] },
  'POST /api/interviews/{id}/recording/{layout}': { method: 'POST', path: '/api/interviews/{id}/recording/{layout}', status: 202, request: null, response: 'Analysis', file: null, errors: ['not_found', 'bad_request'] },
  'POST /api/interviews/{id}/analysis': { method: 'POST', path: '/api/interviews/{id}/analysis', status: 202, request: null, response: 'Analysis', file: null, errors: ['not_found', 'conflict'] },
  'PUT /api/interviews/{id}/analysis/answers/{question}/override': { method: 'PUT', path: '/api/interviews/{id}/analysis/answers/{question}/override', status: 200, request: 'OverrideRequest', response: 'Analysis', file: null, errors: ['not_found', 'bad_request'] },
  'GET /api/interviews/{id}/report': { method: 'GET', path: '/api/interviews/{id}/report', status: 200, request: null, response: 'Report', file: null, errors: ['not_found', 'conflict'] },
  'GET /api/interviews/{id}/report.html': { method: 'GET', path: '/api/interviews/{id}/report.html', status: 200, request: null, response: null, file: 'text/html', errors: ['not_found', 'conflict'] },
  'DELETE /api/interviews/{id}/results-links': { method: 'DELETE', path: '/api/interviews/{id}/results-links', status: 200, request: null, response: 'Interview', file: null, errors: ['not_found'] },
  'GET /api/interviews/{id}/report.pdf': { method: 'GET', path: '/api/interviews/{id}/report.pdf', status: 200, request: null, response: null, file: 'application/pdf', errors: ['not_found', 'conflict'] },
  'GET /api/interviews/{id}/presence': { method: 'GET', path: '/api/interviews/{id}/presence', status: 200, request: null, response: 'RoomPresence', file: null, errors: ['not_found'] },
  'GET /api/interviews/{id}/recordings': { method: 'GET', path: '/api/interviews/{id}/recordings', status: 200, request: null, response: 'RecordingList', file: null, errors: ['not_found'] },
  'GET /api/interviews/{id}/recordings/{name}': { method: 'GET', path: '/api/interviews/{id}/recordings/{name}', status: 200, request: null, response: null, file: 'video/webm', errors: ['not_found'] },
  'GET /api/interviews/{id}/invitation': { method: 'GET', path: '/api/interviews/{id}/invitation', status: 200, request: null, response: 'Invitation', file: null, errors: ['not_found', 'invalid'] },
  'GET /api/interviews/{id}/ics': { method: 'GET', path: '/api/interviews/{id}/ics', status: 200, request: null, response: null, file: 'text/calendar', errors: ['not_found', 'invalid', 'conflict'] },
  'GET /api/interviews/{id}/outbox': { method: 'GET', path: '/api/interviews/{id}/outbox', status: 200, request: null, response: 'Outbox', file: null, errors: ['not_found'] },
  'POST /api/interviews/{id}/invitations': { method: 'POST', path: '/api/interviews/{id}/invitations', status: 200, request: null, response: 'Outbox', file: null, errors: ['not_found', 'conflict'] },
  'POST /api/outbox/{id}/resend': { method: 'POST', path: '/api/outbox/{id}/resend', status: 200, request: null, response: 'OutboxMessage', file: null, errors: ['not_found', 'conflict'] },
  'GET /api/settings/mail': { method: 'GET', path: '/api/settings/mail', status: 200, request: null, response: 'MailSettings', file: null, errors: [] },
  'PUT /api/settings/mail': { method: 'PUT', path: '/api/settings/mail', status: 200, request: 'MailUpdate', response: 'MailSettings', file: null, errors: ['invalid'] },
  'POST /api/settings/mail/test': { method: 'POST', path: '/api/settings/mail/test', status: 200, request: 'TestMail', response: 'TestMailSent', file: null, errors: ['invalid', 'conflict', 'smtp'] },
  'GET /api/settings/runner': { method: 'GET', path: '/api/settings/runner', status: 200, request: null, response: 'CodeRunnerSettings', file: null, errors: [] },
  'PUT /api/settings/runner': { method: 'PUT', path: '/api/settings/runner', status: 200, request: 'CodeRunnerUpdate', response: 'CodeRunnerSettings', file: null, errors: ['invalid'] },
  'POST /api/settings/runner/test': { method: 'POST', path: '/api/settings/runner/test', status: 200, request: null, response: 'CodeRunnerTest', file: null, errors: ['conflict'] },
  'GET /api/settings/media': { method: 'GET', path: '/api/settings/media', status: 200, request: null, response: 'MediaServerSettings', file: null, errors: [] },
  'PUT /api/settings/media': { method: 'PUT', path: '/api/settings/media', status: 200, request: 'MediaServerUpdate', response: 'MediaServerSettings', file: null, errors: ['invalid'] },
  'GET /api/settings/analysis': { method: 'GET', path: '/api/settings/analysis', status: 200, request: null, response: 'AnalysisEngineSettings', file: null, errors: [] },
  'PUT /api/settings/analysis': { method: 'PUT', path: '/api/settings/analysis', status: 200, request: 'AnalysisEnginesUpdate', response: 'AnalysisEngineSettings', file: null, errors: ['invalid'] },
  'POST /api/settings/analysis/test': { method: 'POST', path: '/api/settings/analysis/test', status: 200, request: null, response: 'AnalysisEnginesTest', file: null, errors: [] },
  'GET /api/interviews/{id}/consent': { method: 'GET', path: '/api/interviews/{id}/consent', status: 200, request: null, response: 'ConsentRecord', file: null, errors: ['not_found'] },
  'GET /api/interviews/{id}/purge': { method: 'GET', path: '/api/interviews/{id}/purge', status: 200, request: null, response: 'InterviewContents', file: null, errors: ['not_found'] },
  'POST /api/interviews/{id}/purge': { method: 'POST', path: '/api/interviews/{id}/purge', status: 200, request: null, response: 'InterviewContents', file: null, errors: ['not_found', 'conflict'] },
  'GET /api/settings/retention': { method: 'GET', path: '/api/settings/retention', status: 200, request: null, response: 'Retention', file: null, errors: [] },
  'PUT /api/settings/retention': { method: 'PUT', path: '/api/settings/retention', status: 200, request: 'RetentionSettings', response: 'Retention', file: null, errors: ['invalid'] },
  'GET /api/retention/preview': { method: 'GET', path: '/api/retention/preview', status: 200, request: null, response: 'RetentionPlan', file: null, errors: [] },
  'POST /api/retention/apply': { method: 'POST', path: '/api/retention/apply', status: 200, request: null, response: 'RetentionRun', file: null, errors: [] },
  'GET /api/retention/log': { method: 'GET', path: '/api/retention/log', status: 200, request: null, response: 'RetentionLog', file: null, errors: [] },
  'GET /api/candidate-data': { method: 'GET', path: '/api/candidate-data', status: 200, request: null, response: 'CandidateData', file: null, errors: ['not_found'] },
  'GET /api/candidate-data/export': { method: 'GET', path: '/api/candidate-data/export', status: 200, request: null, response: null, file: 'application/zip', errors: ['not_found', 'forbidden'] },
  'POST /api/candidate-data/erase': { method: 'POST', path: '/api/candidate-data/erase', status: 200, request: 'CandidateEmail', response: 'CandidateData', file: null, errors: ['not_found', 'conflict'] },
  'GET /api/backup': { method: 'GET', path: '/api/backup', status: 200, request: null, response: 'BackupStatus', file: null, errors: [] },
  'GET /api/backup/archive': { method: 'GET', path: '/api/backup/archive', status: 200, request: null, response: null, file: 'application/zip', errors: ['forbidden'] },
  'GET /api/audit': { method: 'GET', path: '/api/audit', status: 200, request: null, response: 'AuditPage', file: null, errors: [] },
  'GET /api/live-rooms': { method: 'GET', path: '/api/live-rooms', status: 200, request: null, response: 'LiveRoomList', file: null, errors: [] },
  'GET /api/interviewers': { method: 'GET', path: '/api/interviewers', status: 200, request: null, response: 'KnownInterviewers', file: null, errors: [] },
}
