package client

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/interviewdesk/interviewdesk/internal/candidates"
	"github.com/interviewdesk/interviewdesk/internal/web"
)

// CandidateQuery picks candidates (GET /api/candidates).
type CandidateQuery struct {
	Search   string
	Since    candidates.Since
	Position string
	Limit    int
}

func candidatePath(key string, rest string) string {
	return "/api/candidates/" + url.PathEscape(key) + rest
}

// Candidates searches the candidates.
func (c *Client) Candidates(ctx context.Context, q CandidateQuery) (candidates.List, error) {
	v := url.Values{"q": {q.Search}, "since": {string(q.Since)}, "position": {q.Position}, "limit": {strconv.Itoa(q.Limit)}}
	return call[candidates.List](ctx, c, http.MethodGet, "/api/candidates?"+v.Encode(), nil)
}

// Candidate returns the candidate with ID or email address key.
func (c *Client) Candidate(ctx context.Context, key string) (candidates.Candidate, error) {
	return call[candidates.Candidate](ctx, c, http.MethodGet, candidatePath(key, ""), nil)
}

// CandidateResults returns a candidate's take-home results.
func (c *Client) CandidateResults(ctx context.Context, key string) ([]candidates.Result, error) {
	r, err := call[web.CandidateResults](ctx, c, http.MethodGet, candidatePath(key, "/results"), nil)
	return r.Results, err
}

// ImportResults imports a take-home results file (docs/assessment-format.md).
func (c *Client) ImportResults(ctx context.Context, name string, content []byte) (candidates.ImportReport, error) {
	return call[candidates.ImportReport](ctx, c, http.MethodPost, "/api/candidates/import",
		web.ResultsFile{Name: name, Content: string(content)})
}
