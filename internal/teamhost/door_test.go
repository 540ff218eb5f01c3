package teamhost

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/teamhost/teamhosttest"
)

// The whole way through: a self-signed team host is checked (its
// fingerprint shown), refused until confirmed, pinned; the account signs in
// with the password refused first; calls and the push stream reach the
// team host with the session, which the page never sees and the data folder
// keeps privately; it survives a restart of the app; signing out ends it
// there and here.
func TestTheConsoleSignsInToATeamHostAndOut(t *testing.T) {
	th := teamhosttest.Start(t)
	dir := t.TempDir()
	d := openDesktop(t, dir)

	d.call(t, "GET", ControlPath, nil).expect(t, 200, `"team":false`)
	d.call(t, "POST", ControlPath+"/check", Connect{URL: th.URL}).expect(t, 200, `"trusted":false`, th.Pin, `"subject":"127.0.0.1"`)
	d.call(t, "PUT", ControlPath, Connect{URL: th.URL}).expect(t, 409, "Compare its fingerprint")
	absent(t, dir, ChoiceFile)
	d.connect(t, th)
	privateFile(t, dir, ChoiceFile)

	// Connected but not signed in: the console is told to sign in there,
	// and a wrong password keeps it out.
	d.call(t, "GET", "/api/interviews", nil).expect(t, 401, "not signed in to the team host "+th.URL)
	d.call(t, "POST", "/api/account/sign-in", map[string]string{"email": "rita@example.com", "password": "not the password"}).
		expect(t, 401, "The email or password is not right")
	absent(t, dir, SessionFile)

	sub := d.door.Push().Subscribe()
	defer sub.Close()
	a := d.signIn(t)
	tok := d.token(t)
	if tok == "" || a.header.Get("Set-Cookie") != "" || strings.Contains(a.body, tok) {
		t.Fatalf("session token %q; the page got Set-Cookie %q and body %s", tok, a.header.Get("Set-Cookie"), a.body)
	}
	privateFile(t, dir, SessionFile)
	d.call(t, "GET", "/api/account", nil).expect(t, 200, `"kind":"user"`, `"role":"recruiter"`, `"canSignOut":true`)

	// Calls reach the team host; the push stream follows it.
	await(t, sub, push.Resync)
	iv := th.Interview(t, "Olivia Diaz")
	if e := await(t, sub, push.Interview); e.InterviewID != iv.ID {
		t.Errorf("interview event for %q, want %q", e.InterviewID, iv.ID)
	}
	d.call(t, "GET", "/api/interviews", nil).expect(t, 200, "Olivia Diaz")
	d.call(t, "GET", "/api/interviews/"+iv.ID, nil).expect(t, 200, th.URL+"/join/")
	// The console's own files still come from the app.
	d.call(t, "GET", "/", nil).expect(t, 200, consolePage)

	// The choice and the session survive a restart of the app.
	d.close()
	d = openDesktop(t, dir)
	d.call(t, "GET", ControlPath, nil).expect(t, 200, `"team":true`, `"signedIn":true`, th.Pin)
	d.call(t, "GET", "/api/interviews", nil).expect(t, 200, "Olivia Diaz")

	d.call(t, "POST", "/api/account/sign-out", nil).expect(t, 204)
	absent(t, dir, SessionFile)
	if th.SessionWorks(t, tok) {
		t.Error("the team host still takes the session after the sign-out")
	}
	d.call(t, "GET", "/api/interviews", nil).expect(t, 401, "Sign in with your account there")
	if got := d.call(t, "GET", ControlPath, nil); got.status != 200 || !strings.Contains(got.body, `"signedIn":false`) || strings.Contains(got.body, "lapsed") {
		t.Errorf("after signing out: %d %s, want signed out, not lapsed", got.status, got.body)
	}
}

// Use this computer's host: the team host's session ends there, both files
// go, and the console API is the embedded host's again.
func TestUsingThisComputersHostAgain(t *testing.T) {
	th := teamhosttest.Start(t)
	th.Interview(t, "Olivia Diaz")
	dir := t.TempDir()
	d := openDesktop(t, dir)
	d.connect(t, th)
	d.signIn(t)
	tok := d.token(t)

	d.call(t, "DELETE", ControlPath, nil).expect(t, 200, `"team":false`)
	absent(t, dir, ChoiceFile)
	absent(t, dir, SessionFile)
	if th.SessionWorks(t, tok) {
		t.Error("the team host still takes the session of a console that left it")
	}
	if got := d.call(t, "GET", "/api/interviews", nil); got.status != 200 || strings.Contains(got.body, "Olivia Diaz") {
		t.Errorf("after switching back, the interviews are %d %s; want this computer's (none)", got.status, got.body)
	}
	d.call(t, "GET", "/api/account", nil).expect(t, 200, `"kind":"owner"`)
}

// A session the team host ends (the account removed) signs the console out at
// once: the stream's signed-out reaches the desktop, the token goes.
func TestASessionTheHostEndsSignsTheConsoleOut(t *testing.T) {
	th := teamhosttest.Start(t)
	d := openDesktop(t, t.TempDir())
	d.connect(t, th)
	sub := d.door.Push().Subscribe()
	defer sub.Close()
	d.signIn(t)
	await(t, sub, push.Resync) // the stream is open
	if err := th.Owner.RemoveUser(context.Background(), th.User.ID); err != nil {
		t.Fatal(err)
	}
	await(t, sub, SignedOut)
	if tok := d.token(t); tok != "" {
		t.Errorf("the ended session's token %q is still kept", tok)
	}
	d.call(t, "GET", "/api/interviews", nil).expect(t, 401, "session ended on the team host")
}

// A session that expired while the app was closed: the first call the host
// refuses ends it here too.
func TestAnExpiredSessionIsDropped(t *testing.T) {
	th := teamhosttest.Start(t)
	dir := t.TempDir()
	if err := saveChoice(dir, Choice{URL: th.URL, CertSHA256: th.Pin}); err != nil {
		t.Fatal(err)
	}
	if err := saveToken(dir, "a-session-the-host-no-longer-knows"); err != nil {
		t.Fatal(err)
	}
	d := openDesktop(t, dir)
	d.call(t, "GET", "/api/account", nil).expect(t, 401, "session ended")
	if tok := d.token(t); tok != "" {
		t.Errorf("the refused token %q is still kept", tok)
	}
	d.call(t, "GET", ControlPath, nil).expect(t, 200, `"signedIn":false`, `"lapsed":true`)
	d.signIn(t)
	if got := d.call(t, "GET", ControlPath, nil); strings.Contains(got.body, "lapsed") {
		t.Errorf("signed in again, the status still says the session lapsed: %s", got.body)
	}
}

// A certificate other than the pinned one is refused, before anything is
// sent; so is confirming a fingerprint the host does not show.
func TestAnotherCertificateThanThePinnedOneIsRefused(t *testing.T) {
	th := teamhosttest.Start(t)
	other := strings.Repeat("ab", 32)
	dir := t.TempDir()
	d := openDesktop(t, dir)
	d.call(t, "PUT", ControlPath, Connect{URL: th.URL, CertSHA256: other}).expect(t, 403, "not the one you confirmed", "abababababababab…")
	absent(t, dir, ChoiceFile)

	// The host's certificate changed since it was pinned.
	d.close()
	if err := saveChoice(dir, Choice{URL: th.URL, CertSHA256: other}); err != nil {
		t.Fatal(err)
	}
	if err := saveToken(dir, "a-session"); err != nil {
		t.Fatal(err)
	}
	d = openDesktop(t, dir)
	d.call(t, "GET", "/api/interviews", nil).expect(t, 502, `"unavailable"`, "not the one you confirmed", "this computer’s host")
}

// What goes wrong while choosing a host is said, with what to do next.
func TestCheckSaysWhatIsWrongWithAnAddress(t *testing.T) {
	closed := func() string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		_ = ln.Close()
		return "https://" + addr
	}()
	other := httptest.NewTLSServer(http.NotFoundHandler())
	defer other.Close()
	plain := httptest.NewServer(http.NotFoundHandler())
	defer plain.Close()
	for _, c := range []struct {
		name, url string
		want      error
		says      string
	}{
		{"no address", " ", ErrAddress, "Enter the team host’s address"},
		{"plain http", "http://interviews.example.com", ErrAddress, "over HTTPS only"},
		{"nothing listens", closed, ErrUnreachable, "connection refused"},
		{"another server", other.URL, ErrNotInterviewDesk, "not an InterviewDesk host (it said HTTP 404"},
		{"no TLS there", "https://" + strings.TrimPrefix(plain.URL, "http://"), ErrNotInterviewDesk, "not over HTTPS"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Check(context.Background(), c.url, "")
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("Check(%q) = %v, want it to say %q", c.url, err, c.says)
			}
			if !isErr(err, c.want) {
				t.Errorf("Check(%q) = %v, not %v", c.url, err, c.want)
			}
		})
	}
}

func TestOriginOfWhatWasPasted(t *testing.T) {
	for in, want := range map[string]string{
		"interviews.example.com":                        "https://interviews.example.com",
		"https://interviews.example.com:8443/":          "https://interviews.example.com:8443",
		"https://h.example.com/#/set-password/abc":      "https://h.example.com",
		"  https://h.example.com/console/login?key=x  ": "https://h.example.com",
	} {
		if got, err := Origin(in); err != nil || got != want {
			t.Errorf("Origin(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestChoiceFileDamagedSaysSo(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ChoiceFile), []byte(`{"url":"http://plain.example.com"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadChoice(dir); err == nil || !strings.Contains(err.Error(), "not a team host's https:// address") {
		t.Errorf("LoadChoice of a plain http address: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ChoiceFile), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadChoice(dir); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("LoadChoice of a damaged file: %v", err)
	}
	d := openDesktop(t, dir)
	d.call(t, "GET", ControlPath, nil).expect(t, 200, `"team":false`)
	d.call(t, "GET", "/api/account", nil).expect(t, 200, `"kind":"owner"`)
}

// The console page reaches the desktop's webview without the host's Link
// preloads (nothing there crosses a network); the host's own page still has
// them.
func TestTheWebviewsConsolePageHasNoPreloads(t *testing.T) {
	d := openDesktop(t, t.TempDir())
	page := d.call(t, "GET", "/", nil)
	if page.status != 200 || !strings.Contains(page.body, "The desktop's console") {
		t.Fatalf("the console page through the door: %d %s", page.status, page.body)
	}
	if link := page.header.Get("Link"); link != "" {
		t.Errorf("the webview's console page carries Link %q", link)
	}
	direct := httptest.NewRecorder()
	d.local.Handler().ServeHTTP(direct, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(direct.Header().Get("Link"), "rel=preload") {
		t.Errorf("the host's own console page has Link %q, want its preloads", direct.Header().Get("Link"))
	}
}
