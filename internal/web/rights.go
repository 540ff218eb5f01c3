package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

// Which caller may use which console route. The owner (console key, desktop)
// may use every route. An account may use a route when its role has the
// route's right: an admin every one, a recruiter all but users and settings,
// an interviewer only its own account and the interviews it is an
// interviewer of (TestRolesOnEveryRoute walks every route of the contract).

// right is what a route asks of its caller.
type right int

const (
	// signedIn: any account (its own account, the host's health and
	// settings, the push stream, which carries only what it may see).
	signedIn right = iota
	// ownInterview: an interviewer may read the interviews it is an
	// interviewer of; {id} is checked, and lists hold only those.
	ownInterview
	// recruit: recruiters and admins (interviews, candidates, templates).
	recruit
	// administer: admins (users and settings).
	administer
)

// rights gives each route of the contract its right; a route missing here
// asks recruit (TestEveryRouteHasARight wants each one named).
var rights = map[string]right{
	"":                                signedIn, // no route: an unknown /api/ path is not found for anyone signed in
	"GET /api/health":                 signedIn,
	"GET /api/stream":                 signedIn,
	"GET /api/settings":               signedIn,
	"PUT /api/settings":               administer,
	"GET /api/account":                signedIn,
	"PUT /api/account":                signedIn,
	"POST /api/account/sign-out":      signedIn,
	"PUT /api/account/password":       signedIn,
	"GET /api/users":                  administer,
	"POST /api/users":                 administer,
	"PUT /api/users/{id}/role":        administer,
	"DELETE /api/users/{id}":          administer,
	"POST /api/users/{id}/setup-link": administer,

	"GET /api/templates":                 recruit,
	"POST /api/templates":                recruit,
	"POST /api/templates/import":         recruit,
	"GET /api/templates/{id}":            recruit,
	"PUT /api/templates/{id}":            recruit,
	"DELETE /api/templates/{id}":         recruit,
	"POST /api/templates/{id}/duplicate": recruit,
	"GET /api/templates/{id}/export":     recruit,

	"GET /api/interviews":                              ownInterview,
	"GET /api/overview":                                ownInterview,
	"POST /api/interviews":                             recruit,
	"GET /api/interviews/{id}":                         ownInterview,
	"DELETE /api/interviews/{id}":                      recruit,
	"POST /api/interviews/{id}/reschedule":             recruit,
	"POST /api/interviews/{id}/restore":                recruit,
	"POST /api/interviews/{id}/interviewers":           recruit,
	"DELETE /api/interviews/{id}/interviewers/{email}": recruit,
	"PUT /api/interviews/{id}/tools":                   recruit,

	"GET /api/interviews/{id}/timeline":                             ownInterview,
	"GET /api/interviews/{id}/playback":                             ownInterview,
	"GET /api/interviews/{id}/analysis":                             ownInterview,
	"GET /api/interviews/{id}/recording":                            ownInterview,
	"POST /api/interviews/{id}/analysis":                            recruit,
	"PUT /api/interviews/{id}/analysis/answers/{question}/override": recruit,
	"GET /api/interviews/{id}/report":                               ownInterview,
	"GET /api/interviews/{id}/report.html":                          ownInterview,
	"DELETE /api/interviews/{id}/results-links":                     recruit,
	"GET /api/interviews/{id}/report.pdf":                           ownInterview,
	"GET /api/interviews/{id}/presence":                             ownInterview,
	"GET /api/interviews/{id}/recordings":                           ownInterview,
	"GET /api/interviews/{id}/recordings/{name}":                    ownInterview,

	"GET /api/interviews/{id}/invitation":   recruit,
	"GET /api/interviews/{id}/ics":          recruit,
	"GET /api/interviews/{id}/outbox":       recruit,
	"POST /api/interviews/{id}/invitations": recruit,
	"POST /api/outbox/{id}/resend":          recruit,
	"GET /api/settings/mail":                administer,
	"PUT /api/settings/mail":                administer,
	"POST /api/settings/mail/test":          administer,
	"GET /api/settings/runner":              administer,
	"PUT /api/settings/runner":              administer,
	"POST /api/settings/runner/test":        administer,
	"GET /api/settings/media":               administer,
	"PUT /api/settings/media":               administer,
	"GET /api/settings/analysis":            administer,
	"PUT /api/settings/analysis":            administer,
	"POST /api/settings/analysis/test":      administer,

	"GET /api/candidates":                 recruit,
	"POST /api/candidates/import":         recruit,
	"GET /api/candidates/{id}":            recruit,
	"PUT /api/candidates/{id}":            recruit,
	"POST /api/candidates/{id}/stage":     recruit,
	"GET /api/candidates/{id}/interviews": recruit,
	"GET /api/candidates/{id}/results":    recruit,
	"GET /api/pipeline":                   recruit,
	"GET /api/campaigns":                  recruit,
	"POST /api/campaigns":                 recruit,
	"POST /api/campaigns/preview":         recruit,
	"GET /api/campaigns/{id}":             recruit,
	"PUT /api/campaigns/{id}":             recruit,
	"POST /api/campaigns/{id}/close":      recruit,
	"POST /api/campaigns/{id}/reopen":     recruit,

	"GET /api/interviews/{id}/consent":             ownInterview,
	"GET /api/interviews/{id}/recording/{layout}":  ownInterview,
	"POST /api/interviews/{id}/recording/{layout}": recruit,
	"GET /api/interviews/{id}/purge":               recruit,
	"POST /api/interviews/{id}/purge":              recruit,
	"GET /api/candidate-data":                      recruit,
	"GET /api/candidate-data/export":               recruit,
	"POST /api/candidate-data/erase":               recruit,
	"GET /api/settings/retention":                  administer,
	"PUT /api/settings/retention":                  administer,
	"GET /api/retention/preview":                   administer,
	"POST /api/retention/apply":                    administer,
	"GET /api/retention/log":                       administer,
	"GET /api/backup":                              administer,
	"GET /api/backup/archive":                      administer,
	"GET /api/audit":                               administer,

	"GET /api/live-rooms":   recruit,
	"GET /api/interviewers": recruit,
}

// rightOf is what the route pattern asks.
func rightOf(pattern string) right {
	if r, ok := rights[pattern]; ok {
		return r
	}
	return recruit
}

// may reports whether role has right (before any per-interview check).
func may(role accounts.Role, need right) bool {
	switch need {
	case signedIn, ownInterview:
		return role.AtLeast(accounts.Interviewer)
	case recruit:
		return role.AtLeast(accounts.Recruiter)
	}
	return role.AtLeast(accounts.Admin)
}

// errNotYours is the answer for an interview an interviewer is not part of.
var errNotYours = fault.Explain(fault.Permission, nil,
	"You are not an interviewer of this interview, so your account cannot open it. Ask a recruiter to add you to it.")

// errRole says which role a route needs.
func errRole(need right) error {
	what := map[right]string{recruit: "a recruiter or an admin", administer: "an admin"}[need]
	return fault.Explain(fault.Permission, nil, "Your account may not do this: it takes "+what+". Ask an admin if you need it.")
}

// check says why c may not use the route pattern for r, if it may not.
func (s *Server) check(c caller, pattern string, r *http.Request) error {
	if c.owner() {
		return nil
	}
	need := rightOf(pattern)
	if !may(c.role(), need) {
		return errRole(need)
	}
	if need != ownInterview || c.role().AtLeast(accounts.Recruiter) || !strings.Contains(pattern, "{id}") {
		return nil
	}
	iv, err := s.svc.Interviews.Get(r.PathValue("id"))
	if errors.Is(err, interviews.ErrNotFound) {
		return errNotYours // the same answer whether it exists or not
	}
	if err != nil {
		return err
	}
	if !interviewerOf(iv, c.user.Email) {
		return errNotYours
	}
	return nil
}

// interviewerOf reports whether email is among iv's interviewers.
func interviewerOf(iv interviews.Interview, email string) bool {
	for _, in := range iv.Interviewers {
		if strings.EqualFold(strings.TrimSpace(in.Email), strings.TrimSpace(email)) {
			return true
		}
	}
	return false
}

// onlyOwn is the email lists must keep to for c's interviews: an
// interviewer's own, "" for every interview.
func onlyOwn(c caller) string {
	if c.owner() || c.role().AtLeast(accounts.Recruiter) {
		return ""
	}
	return c.user.Email
}
