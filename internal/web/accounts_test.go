package web

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

const (
	strongPassword  = "correct horse battery staple"
	strongPassword2 = "another long passphrase"
)

// sessionCookie is the console cookie a response set, as a Cookie header.
func cookieFrom(t *testing.T, h http.Header) string {
	t.Helper()
	for _, c := range (&http.Response{Header: h}).Cookies() {
		if c.Name == cookieName && c.Value != "" {
			if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.MaxAge <= 0 {
				t.Errorf("session cookie %+v: want HttpOnly, SameSite=Strict and persistent", c)
			}
			return cookieName + "=" + c.Value
		}
	}
	t.Fatalf("no session cookie in %v", h)
	return ""
}

// setupToken is the token of a setup link handed out by the API.
func setupToken(t *testing.T, link string) string {
	t.Helper()
	token, ok := strings.CutPrefix(link, "https://interviews.example.com/#/set-password/")
	if !ok || token == "" {
		t.Fatalf("setup link %q", link)
	}
	return token
}

// callAccounts calls the account and user routes of the contract: the
// owner's, an invited account's through its setup link, and no one's.
func callAccounts(t *testing.T, h *contractHost, hit map[string]bool) {
	t.Helper()
	call := func(method, path string, body any, status int) []byte {
		t.Helper()
		return h.call(t, hit, method, path, body, status)
	}
	as := func(cookie string) func(method, path string, body any, status int) http.Header {
		return func(method, path string, body any, status int) http.Header {
			t.Helper()
			auth := http.Header{}
			if cookie != "" {
				auth.Set("Cookie", cookie)
			}
			hdr, _ := h.callWith(t, hit, auth, method, path, body, status)
			return hdr
		}
	}
	anyone := as("")

	call("GET", "/api/account", nil, 200)
	call("PUT", "/api/account", ProfileUpdate{Name: "Rita"}, 409) // the console key has no profile
	call("PUT", "/api/account/password", PasswordChange{Current: strongPassword, Password: strongPassword2}, 409)
	call("GET", "/api/users", nil, 200)
	var ivan InvitedUser
	if err := json.Unmarshal(call("POST", "/api/users", UserInvite{Email: "ivan@example.com", Name: "Ivan Petrov",
		Role: accounts.Interviewer, Delivery: accounts.ByLink}, 201), &ivan); err != nil {
		t.Fatal(err)
	}
	call("POST", "/api/users", UserInvite{Email: "IVAN@example.com", Name: "Ivan", Role: accounts.Recruiter}, 409)
	call("POST", "/api/users", UserInvite{Email: "nobody", Name: "Nobody", Role: accounts.Recruiter}, 422)
	var again InvitedUser
	if err := json.Unmarshal(call("POST", "/api/users/"+ivan.User.ID+"/setup-link", SetupLinkRequest{Delivery: accounts.ByLink}, 200), &again); err != nil {
		t.Fatal(err)
	}
	token := setupToken(t, again.Setup.Link)
	anyone("POST", "/api/account/password-link", PasswordLink{Token: setupToken(t, ivan.Setup.Link)}, 404) // replaced
	anyone("POST", "/api/account/password-link", PasswordLink{Token: token}, 200)
	anyone("POST", "/api/account/password", NewPassword{Token: token, Password: "short"}, 422)
	user := as(cookieFrom(t, anyone("POST", "/api/account/password", NewPassword{Token: token, Password: strongPassword}, 200)))
	anyone("POST", "/api/account/password", NewPassword{Token: token, Password: strongPassword}, 404) // used
	user("GET", "/api/account", nil, 200)
	user("PUT", "/api/account", ProfileUpdate{Name: "Ivan P."}, 200)
	user = as(cookieFrom(t, user("PUT", "/api/account/password", PasswordChange{Current: strongPassword, Password: strongPassword2}, 200)))
	user("POST", "/api/account/sign-out", nil, 204)
	user("GET", "/api/account", nil, 401)
	anyone("POST", "/api/account/sign-in", SignIn{Email: "ivan@example.com", Password: strongPassword}, 401)
	anyone("POST", "/api/account/sign-in", SignIn{Email: "ivan@example.com", Password: strongPassword2}, 200)
	anyone("POST", "/api/account/password-reset", PasswordReset{Email: "nobody@example.com"}, 204)
	call("POST", "/api/users/"+ivan.User.ID+"/setup-link", SetupLinkRequest{}, 409) // it has a password
	call("PUT", "/api/users/"+ivan.User.ID+"/role", RoleChange{Role: accounts.Recruiter}, 200)
	call("DELETE", "/api/users/"+ivan.User.ID, nil, 204)
	call("DELETE", "/api/users/"+ivan.User.ID, nil, 404)
}

// team is a contract host with interviews and accounts: Ivan, an
// interviewer of the interview mine but not of theirs, and Olga, a recruiter.
type team struct {
	*contractHost
	mine, theirs string
	ivan, olga   accounts.User
	// ivanCookie and olgaCookie are their signed-in browsers' Cookie headers.
	ivanCookie, olgaCookie string
}

func newTeam(t *testing.T, tune ...func(*contractHost, *Services)) *team {
	t.Helper()
	tm := &team{contractHost: newContractHost(t, tune...)}
	base := tm.srv.URL
	if code := request(t, base, "PUT", "/api/settings", `{"organizer":{"name":"Rita Recruiter","email":"rita@example.com"}}`, bearer, nil); code != 200 {
		t.Fatalf("settings: %d", code)
	}
	var list struct{ Templates []struct{ ID string } }
	request(t, base, "GET", "/api/templates", "", bearer, &list)
	for _, id := range []*string{&tm.mine, &tm.theirs} {
		var iv struct{ ID string }
		if code := request(t, base, "POST", "/api/interviews", validBody(list.Templates[0].ID), bearer, &iv); code != 201 {
			t.Fatalf("create interview: %d", code)
		}
		*id = iv.ID
	}
	if code := request(t, base, "POST", "/api/interviews/"+tm.mine+"/interviewers", `{"name":"Ivan Petrov","email":"Ivan@Example.com"}`, bearer, nil); code != 201 {
		t.Fatalf("add Ivan: %d", code)
	}
	tm.ivan, tm.ivanCookie = tm.member(t, "ivan@example.com", accounts.Interviewer)
	tm.olga, tm.olgaCookie = tm.member(t, "olga@example.com", accounts.Recruiter)
	return tm
}

// member invites email as role (the setup link handed to the test) and
// sets its password, as its owner would from the mail.
func (tm *team) member(t *testing.T, email string, role accounts.Role) (accounts.User, string) {
	t.Helper()
	u, sent, err := tm.accounts.Invite(accounts.NewUser{Email: email, Name: "Team Member", Role: role}, "Rita", accounts.ByLink)
	if err != nil {
		t.Fatal(err)
	}
	return u, tm.signIn(t, setupToken(t, sent.Link))
}

// signIn sets the password through the link's token and returns the Cookie header.
func (tm *team) signIn(t *testing.T, token string) string {
	t.Helper()
	body, _ := json.Marshal(NewPassword{Token: token, Password: strongPassword})
	resp := post(t, tm.srv.URL+"/api/account/password", string(body), nil, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("set password: %d", resp.StatusCode)
	}
	return cookieFrom(t, resp.Header)
}

// post sends a JSON body to url with the headers h, decodes the answer into
// out and returns the response (its body read).
func post(t *testing.T, url, body string, h http.Header, out any) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		_ = json.NewDecoder(resp.Body).Decode(out)
	}
	return resp
}

// as is the headers of a browser request with cookie.
func as(cookie string) http.Header {
	return http.Header{"Cookie": {cookie}, "Content-Type": {"application/json"}, "Sec-Fetch-Site": {"same-origin"}}
}

// fill puts values into a route's path parameters: interview (or any) id.
func fill(path, id string) string {
	return strings.NewReplacer("{id}", id, "{email}", "nobody@example.com", "{question}", "1", "{name}", "camera.webm", "{layout}", "grid").Replace(path)
}

func TestEveryRouteHasARight(t *testing.T) {
	routes := map[string]bool{}
	for _, e := range endpoints {
		key := e.method + " " + e.path
		routes[key] = true
		if _, ok := rights[key]; !ok && !publicRoutes[key] {
			t.Errorf("%s has no row in rights (rights.go): say who may use it", key)
		}
		if _, ok := rights[key]; ok && publicRoutes[key] {
			t.Errorf("%s is public and has a right", key)
		}
	}
	for key := range rights {
		if key != "" && !routes[key] {
			t.Errorf("rights names %s, which is no route of the contract", key)
		}
	}
}

// interviewerMay is every route an interviewer may use, stated here apart
// from rights.go: its own account, the host's health and settings, the
// stream, and reading its interviews ({id} only its own).
var interviewerMay = map[string]bool{
	"GET /api/health": true, "GET /api/stream": true, "GET /api/settings": true,
	"GET /api/account": true, "PUT /api/account": true, "PUT /api/account/password": true,
	"GET /api/interviews": true, "GET /api/overview": true,
	"GET /api/interviews/{id}": true, "GET /api/interviews/{id}/timeline": true, "GET /api/interviews/{id}/playback": true,
	"GET /api/interviews/{id}/analysis": true, "GET /api/interviews/{id}/recording": true,
	"GET /api/interviews/{id}/report": true, "GET /api/interviews/{id}/report.html": true, "GET /api/interviews/{id}/report.pdf": true,
	"GET /api/interviews/{id}/presence": true, "GET /api/interviews/{id}/recordings": true,
	"GET /api/interviews/{id}/recordings/{name}": true, "GET /api/interviews/{id}/consent": true,
	"GET /api/interviews/{id}/recording/{layout}": true,
}

// adminOnly reports whether only admins may use a route: users, every
// setting but reading the general ones, retention, backups and the audit log.
func adminOnly(method, path string) bool {
	for _, p := range []string{"/api/users", "/api/settings/", "/api/retention/", "/api/backup", "/api/audit"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return path == "/api/settings" && method != "GET"
}

// TestRolesOnEveryRoute walks every route of the contract as an
// interviewer and as a recruiter: each gets 403 exactly where its role may
// not go, an interviewer also on an interview it is not part of.
func TestRolesOnEveryRoute(t *testing.T) {
	tm := newTeam(t)
	base := tm.srv.URL
	for _, e := range endpoints {
		pattern := e.method + " " + e.path
		if publicRoutes[pattern] || pattern == "POST /api/account/sign-out" { // signing out is tried last
			continue
		}
		body := ""
		if e.request != nil || e.raw {
			body = "{}"
		}
		perInterview := strings.Contains(e.path, "{id}") && interviewerMay[pattern]
		var got apiAnswer
		code := request(t, base, e.method, fill(e.path, tm.theirs), body, as(tm.ivanCookie), &got)
		if want := !interviewerMay[pattern] || perInterview; want != (code == http.StatusForbidden) {
			t.Errorf("interviewer %s of another interview: %d %q, want 403: %v", pattern, code, got.Error.Message, want)
		}
		if code == http.StatusForbidden && got.Error.Code != codeForbidden {
			t.Errorf("interviewer %s: 403 with code %q", pattern, got.Error.Code)
		}
		if perInterview {
			if code := request(t, base, e.method, fill(e.path, tm.mine), body, as(tm.ivanCookie), nil); code == http.StatusForbidden {
				t.Errorf("interviewer %s of its own interview: 403", pattern)
			}
		}
		if code := request(t, base, e.method, fill(e.path, tm.theirs), body, as(tm.olgaCookie), nil); adminOnly(e.method, e.path) != (code == http.StatusForbidden) {
			t.Errorf("recruiter %s: %d, want 403: %v", pattern, code, adminOnly(e.method, e.path))
		}
	}
	for _, cookie := range []string{tm.ivanCookie, tm.olgaCookie} {
		if code := request(t, base, "POST", "/api/account/sign-out", "", as(cookie), nil); code != http.StatusNoContent {
			t.Errorf("sign-out: %d", code)
		}
		if code := request(t, base, "GET", "/api/account", "", as(cookie), nil); code != http.StatusUnauthorized {
			t.Errorf("after sign-out: %d, want 401", code)
		}
	}
}

func TestAnInterviewerSeesOnlyItsInterviews(t *testing.T) {
	tm := newTeam(t)
	base := tm.srv.URL
	ids := func(cookie, path string) []string {
		t.Helper()
		var list struct {
			Interviews []struct{ ID string }
			Rows       []struct{ Interview struct{ ID string } }
			Total      int
		}
		if code := request(t, base, "GET", path, "", as(cookie), &list); code != 200 {
			t.Fatalf("%s: %d", path, code)
		}
		var out []string
		for _, iv := range list.Interviews {
			out = append(out, iv.ID)
		}
		return out
	}
	if got := ids(tm.ivanCookie, "/api/interviews?tense=upcoming"); len(got) != 1 || got[0] != tm.mine {
		t.Errorf("the interviewer's list = %v, want only %s", got, tm.mine)
	}
	if got := ids(tm.olgaCookie, "/api/interviews?tense=upcoming"); len(got) != 2 {
		t.Errorf("the recruiter's list = %v, want both", got)
	}
	var iv Interview
	request(t, base, "GET", "/api/interviews/"+tm.mine, "", as(tm.ivanCookie), &iv)
	if iv.CandidateLink != "" || !strings.Contains(iv.InterviewerLink, "/room/") {
		t.Errorf("the interviewer's view: candidate link %q, own link %q; want none and its own", iv.CandidateLink, iv.InterviewerLink)
	}
	for _, in := range iv.Interviewers {
		if own := strings.EqualFold(in.Email, "ivan@example.com"); own != (in.Link != "") || own && in.Link != iv.InterviewerLink {
			t.Errorf("interviewer %s has link %q in Ivan's view", in.Email, in.Link)
		}
	}
	var full Interview
	request(t, base, "GET", "/api/interviews/"+tm.mine, "", as(tm.olgaCookie), &full)
	if full.CandidateLink == "" || full.Interviewers[0].Link == "" {
		t.Errorf("the recruiter's view lacks the links: %+v", full)
	}
}

// TestAnEndedSessionEndsItsOpenStream: an account's stream carries only its
// interviews; removing the account, changing its role or its password ends
// its open streams at once with a signed-out event, while signing out in
// another browser ends only that one.
func TestAnEndedSessionEndsItsOpenStream(t *testing.T) {
	tm := newTeam(t, func(h *contractHost, s *Services) { s.Push = h.bus })
	base := tm.srv.URL
	expect := func(c *sseClient, name string) sseEvent {
		t.Helper()
		e := c.next()
		if e.name != name {
			t.Fatalf("event %q %+v, want %q", e.name, e.data, name)
		}
		return e
	}
	ended := func(c *sseClient) {
		t.Helper()
		expect(c, string(signedOutEvent))
		if _, err := c.r.ReadString('\n'); err == nil {
			t.Error("the stream goes on after signed-out")
		}
	}
	open := func(cookie string) *sseClient {
		t.Helper()
		c, cancel := openStreamWith(t, base, as(cookie))
		t.Cleanup(cancel)
		if c.resp.StatusCode != 200 {
			t.Fatalf("stream: %d", c.resp.StatusCode)
		}
		expect(c, string(helloEvent))
		return c
	}

	// Only its own interviews, and nothing of accounts.
	ivan := open(tm.ivanCookie)
	tm.bus.Publish(push.Event{Type: push.Timeline, InterviewID: tm.theirs})
	tm.bus.Publish(push.Event{Type: push.Account, Data: tm.olga.ID})
	tm.bus.Publish(push.Event{Type: push.Timeline, InterviewID: tm.mine})
	if e := expect(ivan, string(push.Timeline)); e.data.InterviewID != tm.mine {
		t.Fatalf("the interviewer heard of %s, want only %s", e.data.InterviewID, tm.mine)
	}

	// Signing out in another browser leaves this one signed in.
	_, elsewhere, err := tm.accounts.SignIn("ivan@example.com", strongPassword, accounts.Origin{Address: "192.0.2.1/32"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tm.accounts.SignOut(elsewhere.Token); err != nil {
		t.Fatal(err)
	}
	tm.bus.Publish(push.Event{Type: push.Presence, InterviewID: tm.mine})
	expect(ivan, string(push.Presence))

	// Removal ends it at once.
	if code := request(t, base, "DELETE", "/api/users/"+tm.ivan.ID, "", bearer, nil); code != http.StatusNoContent {
		t.Fatalf("remove: %d", code)
	}
	ended(ivan)

	// So does a new role, and a new password.
	olga := open(tm.olgaCookie)
	if _, err := tm.accounts.SetRole(tm.olga.ID, accounts.Interviewer); err != nil {
		t.Fatal(err)
	}
	ended(olga)
	_, sess, err := tm.accounts.SignIn("olga@example.com", strongPassword, accounts.Origin{Address: "192.0.2.1/32"})
	if err != nil {
		t.Fatal(err)
	}
	olga = open(cookieName + "=" + sess.Token)
	if _, err := tm.accounts.ChangePassword(tm.olga.ID, strongPassword, strongPassword2, accounts.Origin{}); err != nil {
		t.Fatal(err)
	}
	ended(olga)
}

func TestSignInAnswersLimitsAndOrigins(t *testing.T) {
	tm := newTeam(t)
	base := tm.srv.URL
	signIn := func(email, password string, h http.Header) (int, apiAnswer, http.Header) {
		t.Helper()
		body, _ := json.Marshal(SignIn{Email: email, Password: password})
		var a apiAnswer
		resp := post(t, base+"/api/account/sign-in", string(body), h, &a)
		return resp.StatusCode, a, resp.Header
	}
	// Another site's page cannot sign a browser in.
	if code, _, _ := signIn("ivan@example.com", strongPassword, http.Header{"Sec-Fetch-Site": {"cross-site"}, "Origin": {"https://evil.example"}}); code != http.StatusForbidden {
		t.Errorf("a cross-site sign-in: %d, want 403", code)
	}
	_, unknown, _ := signIn("nobody@example.com", strongPassword, nil)
	code, wrong, _ := signIn("ivan@example.com", "not the password", nil)
	if code != http.StatusUnauthorized || wrong.Error.Message != unknown.Error.Message {
		t.Errorf("a wrong password: %d %q; an unknown email: %q; want 401 and the same words", code, wrong.Error.Message, unknown.Error.Message)
	}
	for range accounts.DefaultLimits.SignInsPerAccount - 1 {
		signIn("ivan@example.com", "not the password", nil)
	}
	code, a, h := signIn("ivan@example.com", strongPassword, nil)
	if code != http.StatusTooManyRequests || a.Error.Code != codeTooMany || h.Get("Retry-After") == "" {
		t.Errorf("the right password after %d wrong ones: %d %+v (Retry-After %q), want 429 with Retry-After",
			accounts.DefaultLimits.SignInsPerAccount, code, a.Error, h.Get("Retry-After"))
	}
}

// TestAnInterviewerReachesTheResults: the interviewer's room link leads, once
// the interview has ended, to the interview in a console signed in with a
// right to it, and else to the interviewer's own read-only results link,
// which the organizer can close.
func TestAnInterviewerReachesTheResults(t *testing.T) {
	tm := newTeam(t)
	base := tm.srv.URL
	var iv Interview
	request(t, base, "GET", "/api/interviews/"+tm.mine, "", bearer, &iv)
	roomLink := strings.TrimPrefix(iv.Interviewers[1].Link, "https://interviews.example.com")
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path, cookie string) (int, string, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", base+path, nil)
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(body)
	}

	if code, _, body := get(roomLink+"/results", ""); code != http.StatusConflict || !strings.Contains(body, "once it has ended") {
		t.Errorf("results before the end: %d %.200s", code, body)
	}
	if _, _, err := tm.rooms.Append(tm.mine, room.Actor{Role: room.RoleInterviewer, Email: "rita@example.com", Name: "Rita"}, room.TypeEnded, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.ivs.Finish(tm.mine); err != nil {
		t.Fatal(err)
	}
	// The finished room link says so and offers the results.
	if code, _, body := get(roomLink, ""); code != http.StatusGone || !strings.Contains(body, `href="`+roomLink+`/results"`) ||
		!strings.Contains(body, "View the interview results") {
		t.Errorf("the finished room page: %d %.300s", code, body)
	}
	// Signed in with a right to it: the console's interview.
	for _, cookie := range []string{tm.ivanCookie, tm.olgaCookie} {
		if code, to, _ := get(roomLink+"/results", cookie); code != http.StatusSeeOther || to != "/#/interviews/"+tm.mine {
			t.Errorf("signed in: %d to %q, want the console's interview", code, to)
		}
	}
	// Without an account: the interviewer's own results link.
	code, to, _ := get(roomLink+"/results", "")
	if code != http.StatusSeeOther || !strings.HasPrefix(to, "/results/") {
		t.Fatalf("no account: %d to %q, want a results link", code, to)
	}
	if _, again, _ := get(roomLink+"/results", ""); again != to {
		t.Errorf("asked twice: %q then %q, want one link", to, again)
	}
	code, _, body := get(to, "")
	if code != http.StatusOK || !strings.Contains(body, "Olivia Diaz") {
		t.Fatalf("the results page: %d %.200s", code, body)
	}
	if _, _, body := get("/room/"+strings.TrimPrefix(to, "/results/"), ""); strings.Contains(body, "Olivia") {
		t.Error("the results link opens the room")
	}
	// A candidate's link leads to no results.
	if code, _, _ := get(strings.TrimPrefix(iv.CandidateLink, "https://interviews.example.com")+"/results", ""); code == http.StatusOK || code == http.StatusSeeOther {
		t.Errorf("a candidate link's results: %d", code)
	}
	// The organizer closes them.
	if code := request(t, base, "DELETE", "/api/interviews/"+tm.mine+"/results-links", "", bearer, nil); code != http.StatusOK {
		t.Fatalf("close results links: %d", code)
	}
	if code, _, _ := get(to, ""); code != http.StatusNotFound {
		t.Errorf("a closed results link: %d, want 404", code)
	}
	if code, _, _ := get(roomLink+"/results", ""); code != http.StatusConflict {
		t.Errorf("a new results link once closed: %d, want 409", code)
	}
}

// TestTheAuditLogNamesTheAccount: sign-ins with an account and changes of
// the users are in the audit log, by the signed-in account's email.
func TestTheAuditLogNamesTheAccount(t *testing.T) {
	tm := newTeam(t)
	base := tm.srv.URL
	if code := request(t, base, "PUT", "/api/users/"+tm.ivan.ID+"/role", `{"role":"recruiter"}`, bearer, nil); code != 200 {
		t.Fatalf("role: %d", code)
	}
	var log struct {
		Entries []struct {
			Kind, Subject, Text string
			Actor               struct{ Name, Via string }
		}
	}
	if code := request(t, base, "GET", "/api/audit", "", bearer, &log); code != 200 {
		t.Fatalf("audit: %d", code)
	}
	found := map[string]string{}
	for _, e := range log.Entries {
		found[e.Kind+" "+e.Subject] = e.Actor.Name + " via " + e.Actor.Via
	}
	for key, want := range map[string]string{
		"sign-in ivan@example.com": "ivan@example.com via console", // choosing the password signed Ivan in
		"sign-in olga@example.com": "olga@example.com via console",
		"users ivan@example.com":   "cli via cli", // the key in a header
	} {
		if found[key] != want {
			t.Errorf("audit %q by %q, want %q (log: %v)", key, found[key], want, found)
		}
	}
	// A change an account makes is its own: Olga, made an admin, removes Ivan.
	if _, err := tm.accounts.SetRole(tm.olga.ID, accounts.Admin); err != nil {
		t.Fatal(err)
	}
	_, sess, err := tm.accounts.SignIn("olga@example.com", strongPassword, accounts.Origin{Address: "192.0.2.1/32"})
	if err != nil {
		t.Fatal(err)
	}
	if code := request(t, base, "DELETE", "/api/users/"+tm.ivan.ID, "", as(cookieName+"="+sess.Token), nil); code != http.StatusNoContent {
		t.Fatalf("remove as Olga: %d", code)
	}
	request(t, base, "GET", "/api/audit?kind=users", "", bearer, &log)
	if len(log.Entries) == 0 || log.Entries[0].Actor.Name != "olga@example.com" || !strings.Contains(log.Entries[0].Text, "Removed") {
		t.Errorf("the newest users entry: %+v, want Olga's removal", log.Entries)
	}
}

// TestTheAccountThatSchedulesIsTheOrganizer: an interview a recruiter's
// account creates has that account as its organizer (the first
// interviewer, with a room link), not the host's owner; one the owner
// creates keeps the owner's details.
func TestTheAccountThatSchedulesIsTheOrganizer(t *testing.T) {
	tm := newTeam(t)
	base := tm.srv.URL
	var list struct{ Templates []struct{ ID string } }
	request(t, base, "GET", "/api/templates", "", bearer, &list)
	var iv Interview
	if code := request(t, base, "POST", "/api/interviews", validBody(list.Templates[0].ID), as(tm.olgaCookie), &iv); code != 201 {
		t.Fatalf("create as Olga: %d", code)
	}
	if org := iv.Interviewers[0]; org.Email != "olga@example.com" || org.Name != tm.olga.Name || org.Link == "" {
		t.Errorf("organizer of Olga's interview = %+v, want Olga with her room link", org)
	}
	for _, in := range iv.Interviewers {
		if strings.EqualFold(in.Email, "rita@example.com") {
			t.Errorf("the owner %s is among the interviewers of Olga's interview", in.Email)
		}
	}
	var owners Interview
	request(t, base, "GET", "/api/interviews/"+tm.theirs, "", bearer, &owners)
	if org := owners.Interviewers[0]; org.Email != "rita@example.com" {
		t.Errorf("organizer of the owner's interview = %+v, want Rita", org)
	}
	body := strings.Replace(validBody(list.Templates[0].ID), "{", `{"organizer":{"name":"Mallory","email":"m@example.com"},`, 1)
	if code := request(t, base, "POST", "/api/interviews", body, as(tm.olgaCookie), nil); code != 400 {
		t.Errorf("a body naming its own organizer: %d, want 400 (an unknown field)", code)
	}
}
