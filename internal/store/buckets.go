package store

// The bucket tree. Every bucket and fixed key name lives here.
//
// Since schema 11 a team's buckets (teams.go: templates, interviews and their
// index, events, analysis, candidates, take-home results, campaigns) are
// under teams/<team>/; reach every bucket with BucketOf(tx, name).
//
//	teams/                  (since schema 11)
//	    default/            the default team: its buckets, as listed below
//
//	meta/
//	    schema_version      -> big-endian uint64
//	    library_version     -> big-endian uint64 (starter templates seeded)
//	    settings            -> JSON settings
//	    mail_settings       -> JSON SMTP settings (password included; the file is 0600)
//	    runner_settings     -> JSON code runner address and token
//	    analysis_settings   -> JSON analysis engines (addresses, models, keys)
//	templates/
//	    <template id>       -> JSON template
//	interviews/
//	    <interview id>      -> JSON interview
//	interviews_by_start/    (since schema 2)
//	    <startsAt RFC3339 UTC>|<interview id> -> JSON interview summary (with
//	                           the interviewers' emails since schema 10)
//	links/                  (since schema 2)
//	    <link token>        -> JSON {interviewId, role, email, participant (since schema 4)}
//	outbox/                 (since schema 2)
//	    <8-byte sequence>   -> JSON message
//	events/                 (since schema 3)
//	    <interview id>/     one bucket per interview: its append-only log
//	        <8-byte seq>    -> JSON room event
//	analysis/               (since schema 5)
//	    <interview id>      -> JSON analysis (transcript, scores, overrides)
//	candidates/             (since schema 6)
//	    <candidate id>      -> JSON candidate (applications, interviews, history)
//	candidate_emails/       (since schema 6)
//	    <case-folded email> -> candidate id (current and earlier addresses)
//	interview_candidates/   (since schema 6)
//	    <interview id>      -> candidate id
//	takehome/               (since schema 6)
//	    <result id>         -> JSON take-home assessment result
//	takehome_keys/          (since schema 6)
//	    id:<file id> or <candidate id>|<folded assessment>|<completedAt> -> result id
//	campaigns/              (since schema 7)
//	    <campaign id>       -> JSON campaign (slots with their bookings)
//	campaign_registrations/ (since schema 7)
//	    <campaign id>|<interview id>        -> JSON registration
//	    <campaign id>|@<case-folded email>  -> interview id
//	audit/                  (since schema 8)
//	    <8-byte sequence>   -> JSON audit entry (append-only: who did what, when)
//	consent_texts/          (since schema 8)
//	    <texts version>     -> JSON consent texts, as candidates were shown them
//	retention_log/          (since schema 8)
//	    <8-byte sequence>   -> JSON retention run (what was deleted, when, why)
//	users/                  (since schema 9; the team host's accounts)
//	    <user id>           -> JSON user with its password hash
//	users_by_email/         (since schema 9)
//	    <case-folded email> -> user id
//	account_links/          (since schema 9)
//	    <sha-256 of token, hex> -> JSON {user, purpose (setup, reset), expiresAt}
//	sessions/               (since schema 9)
//	    <sha-256 of token, hex> -> JSON {user, createdAt, seenAt}
//
// meta/ also holds (since schema 8, written on first use):
//
//	retention_settings  -> JSON retention periods
//	last_backup         -> JSON the last backup made through the host
var (
	BucketMeta                = []byte("meta")
	BucketTemplates           = []byte("templates")
	BucketInterviews          = []byte("interviews")
	BucketInterviewsByStart   = []byte("interviews_by_start")
	BucketLinks               = []byte("links")
	BucketOutbox              = []byte("outbox")
	BucketEvents              = []byte("events")
	BucketAnalysis            = []byte("analysis")
	BucketCandidates          = []byte("candidates")
	BucketCandidateEmails     = []byte("candidate_emails")
	BucketInterviewCandidates = []byte("interview_candidates")
	BucketTakehome            = []byte("takehome")
	BucketTakehomeKeys        = []byte("takehome_keys")
	BucketCampaigns           = []byte("campaigns")
	BucketRegistrations       = []byte("campaign_registrations")
	BucketAudit               = []byte("audit")
	BucketConsentTexts        = []byte("consent_texts")
	BucketRetentionLog        = []byte("retention_log")
	BucketUsers               = []byte("users")
	BucketUsersByEmail        = []byte("users_by_email")
	BucketAccountLinks        = []byte("account_links")
	BucketSessions            = []byte("sessions")
	BucketTeams               = []byte("teams")

	KeySchemaVersion  = []byte("schema_version")
	KeyLibraryVersion = []byte("library_version")
	KeySettings       = []byte("settings")
	KeyMailSettings   = []byte("mail_settings")
	KeyRunnerSettings = []byte("runner_settings")
	// KeyMediaServerSettings: where calls run (settings.MediaServer).
	KeyMediaServerSettings = []byte("media_server_settings")
	KeyAnalysisSettings    = []byte("analysis_settings")
	KeyRetention           = []byte("retention_settings")
	KeyLastBackup          = []byte("last_backup")
)
