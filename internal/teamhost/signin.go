package teamhost

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// Without the desktop app: `interviewdesk connect` signs in to a team host
// from the command line and keeps the choice and the session where the app
// keeps them, so that commands with --host (and the app, when it starts on
// the data folder) work there; `interviewdesk disconnect` ends it.

// Account is whom a sign-in signed in.
type Account struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Role  string `json:"role"`
}

// ErrSignIn: the team host refused the email and password.
var ErrSignIn = fault.New(fault.Permission, "the team host refused the sign-in")

// SignIn signs in to the team host c with an account and keeps c and the
// session in dataDir as the console's choice, in place of any other. Check
// the host first (its certificate: c.CertSHA256).
func SignIn(ctx context.Context, dataDir string, c Choice, email, password string) (Account, error) {
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL+"/api/account/sign-in", strings.NewReader(string(body)))
	if err != nil {
		return Account{}, fmt.Errorf("sign in to %s: %w", c.URL, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Transport: client.Transport(client.TLSCheck{CertSHA256: c.CertSHA256}), Timeout: checkTimeout}).Do(req)
	if err != nil {
		return Account{}, fault.Explain(fault.Unavailable, ErrUnreachable, problem(c.URL, err))
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return Account{}, fault.Explain(fault.Permission, ErrSignIn, hostMessage(raw, resp.Status))
	}
	var a Account
	if err := json.Unmarshal(raw, &a); err != nil {
		return Account{}, fmt.Errorf("sign in to %s: decode the account: %w", c.URL, err)
	}
	token := ""
	for _, ck := range resp.Cookies() {
		if ck.Name == cookieName {
			token = ck.Value
		}
	}
	if token == "" {
		return Account{}, fault.Explain(fault.Invalid, ErrNotInterviewDesk, c.URL+" signed in but sent no session: it is not an InterviewDesk host this version knows.")
	}
	if err := Forget(ctx, dataDir, nil); err != nil {
		return Account{}, err
	}
	if err := saveChoice(dataDir, c); err != nil {
		return Account{}, err
	}
	return a, saveToken(dataDir, token)
}

// Forget goes back to this computer's host in dataDir: the session held on
// the chosen team host ends there (when it answers) and here.
func Forget(ctx context.Context, dataDir string, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if r, err := chosen(dataDir, log); err == nil && r != nil {
		r.signOut(ctx)
	}
	return forgetChoice(dataDir)
}

// hostMessage is the message of a console API error body, else status.
func hostMessage(raw []byte, status string) string {
	var body struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(raw, &body) == nil && body.Error.Message != "" {
		return body.Error.Message
	}
	return "The team host answered " + status + "."
}
