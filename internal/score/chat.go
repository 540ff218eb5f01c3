package score

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
)

// ChatEngine scores with a language model behind an OpenAI-compatible
// chat-completions endpoint (POST URL/v1/chat/completions), such as a local
// llama.cpp or vLLM server. The model is asked for one JSON object with the
// same fields as Result; its evidence quotes are kept only when they really
// occur in the answer.
type ChatEngine struct {
	URL   string // the server's base URL, e.g. http://127.0.0.1:8080 (a trailing /v1 is accepted)
	Model string
	Key   string       // sent as a Bearer token when set
	HTTP  *http.Client // nil means http.DefaultClient
}

var _ Engine = (*ChatEngine)(nil)

const chatInstructions = `You grade a candidate's answer to a technical interview question.
Compare the answer with the expected answer and the key points. Reply with one JSON object and nothing else:
{"score": <number from 0 to 5>, "covered": [{"text": "<key point>", "evidence": "<exact quote from the answer>"}], "missed": [{"text": "<key point>"}], "comment": "<one or two sentences>"}
List every key point once, in covered or in missed, with its text exactly as given.`

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model          string        `json:"model"`
	Messages       []chatMessage `json:"messages"`
	Temperature    float64       `json:"temperature"`
	ResponseFormat struct {
		Type string `json:"type"`
	} `json:"response_format"`
}

type chatResponse struct {
	Choices []struct {
		Message chatMessage `json:"message"`
	} `json:"choices"`
}

// Score asks the model to score in.
func (c *ChatEngine) Score(ctx context.Context, in Input) (Result, error) {
	points := splitPoints(in)
	if len(points) == 0 {
		return Result{}, ErrNothingExpected
	}
	content, err := c.complete(ctx, chatPrompt(in, points))
	if err != nil {
		return Result{}, err
	}
	return c.parse(content, in)
}

// Check sends the model one short message, the smallest real request: it
// proves the address, the key and the model name before an analysis needs
// them. The reply itself is not read.
func (c *ChatEngine) Check(ctx context.Context) error {
	_, err := c.complete(ctx, []chatMessage{{Role: "user", Content: `Reply with the JSON object {"ok": true} and nothing else.`}})
	return err
}

func chatPrompt(in Input, points []string) []chatMessage {
	task, _ := json.Marshal(struct {
		Question  string   `json:"question"`
		Expected  string   `json:"expectedAnswer"`
		KeyPoints []string `json:"keyPoints"`
		Answer    string   `json:"answer"`
	}{in.Question, in.Expected, points, in.Answer})
	return []chatMessage{{Role: "system", Content: chatInstructions}, {Role: "user", Content: string(task)}}
}

// complete sends one chat-completions request and returns the reply's text.
func (c *ChatEngine) complete(ctx context.Context, messages []chatMessage) (string, error) {
	req := chatRequest{Model: c.Model, Messages: messages}
	req.ResponseFormat.Type = "json_object"
	body, err := json.Marshal(req)
	if err != nil {
		return "", fmt.Errorf("encode chat request: %w", err)
	}
	url := strings.TrimSuffix(strings.TrimSuffix(c.URL, "/"), "/v1") + "/v1/chat/completions"
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("chat request to %s: %w", url, err)
	}
	hreq.Header.Set("Content-Type", "application/json")
	if c.Key != "" {
		hreq.Header.Set("Authorization", "Bearer "+c.Key)
	}
	client := c.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(hreq)
	if err != nil {
		return "", fmt.Errorf("chat request to %s: %w: %v", url, ErrChatUnavailable, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", fmt.Errorf("read chat reply from %s: %w: %v", url, ErrChatUnavailable, err)
	}
	if resp.StatusCode/100 != 2 {
		return "", fmt.Errorf("chat request to %s: %w: %s: %.200s", url, ErrChatUnavailable, resp.Status, raw)
	}
	var cr chatResponse
	if err := json.Unmarshal(raw, &cr); err != nil || len(cr.Choices) == 0 {
		return "", fmt.Errorf("chat reply from %s: %w: no choices in %.200s", url, ErrChatReply, raw)
	}
	return cr.Choices[0].Message.Content, nil
}

// parse reads the model's JSON verdict, tolerating a Markdown code fence
// around it, and keeps only evidence that quotes the answer.
func (c *ChatEngine) parse(content string, in Input) (Result, error) {
	text := strings.TrimSpace(content)
	if i, j := strings.IndexByte(text, '{'), strings.LastIndexByte(text, '}'); i >= 0 && j > i {
		text = text[i : j+1]
	}
	var r Result
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		return Result{}, fmt.Errorf("%w: %v in %.200q", ErrChatReply, err, content)
	}
	if math.IsNaN(r.Score) || r.Score < 0 || r.Score > MaxScore {
		return Result{}, fmt.Errorf("%w: score %v is off the 0..%v scale", ErrChatReply, r.Score, MaxScore)
	}
	answer := strings.ToLower(in.Answer)
	for i, p := range r.Covered {
		if !strings.Contains(answer, strings.ToLower(strings.TrimSpace(p.Evidence))) {
			r.Covered[i].Evidence = "" // not a quote of the answer
		}
	}
	for i := range r.Missed {
		r.Missed[i].Evidence = ""
	}
	if r.Covered == nil {
		r.Covered = []Point{}
	}
	if r.Missed == nil {
		r.Missed = []Point{}
	}
	r.Engine = "chat (" + c.Model + ")"
	return r, nil
}
