package transcribe

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
)

// OpenAIConfig configures an OpenAI-compatible transcription server (the
// OpenAI API itself, a whisper.cpp or faster-whisper server the user runs).
type OpenAIConfig struct {
	// URL is the API's base, as OpenAI clients take it, e.g.
	// "http://127.0.0.1:8000/v1"; requests go to URL + "/audio/transcriptions".
	URL   string
	Model string // e.g. "whisper-1"; empty: "whisper-1"
	Key   string // sent as a bearer token when not empty
	// Client sends the requests; nil: http.DefaultClient. Timeouts come
	// from the context passed to Transcribe.
	Client *http.Client
}

// OpenAI is an Engine that uploads each track to an OpenAI-compatible
// /v1/audio/transcriptions endpoint (multipart form, verbose_json answer
// with segment timestamps;
// https://platform.openai.com/docs/api-reference/audio/createTranscription).
type OpenAI struct {
	cfg      OpenAIConfig
	endpoint string
}

var _ Engine = (*OpenAI)(nil)

// NewOpenAI checks the configuration.
func NewOpenAI(cfg OpenAIConfig) (*OpenAI, error) {
	u, err := url.Parse(strings.TrimRight(cfg.URL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: transcription server URL %q: want http(s)://host[:port]/v1", ErrInvalid, cfg.URL)
	}
	cfg.Model = cmp.Or(cfg.Model, "whisper-1")
	if cfg.Client == nil {
		cfg.Client = http.DefaultClient
	}
	return &OpenAI{cfg: cfg, endpoint: u.String() + "/audio/transcriptions"}, nil
}

// Name implements Engine.
func (o *OpenAI) Name() string { return "openai-compatible:" + o.cfg.Model }

// Quality implements Engine.
func (o *OpenAI) Quality() string {
	host := o.endpoint
	if u, err := url.Parse(o.endpoint); err == nil {
		host = u.Host
	}
	return fmt.Sprintf("Speech recognition by the model %q on %s. Whisper-class models get most words of clear speech right, "+
		"but can mishear names and technical terms and sometimes invent text in silence; check what matters against the recording.",
		o.cfg.Model, host)
}

// verboseJSON is the part of a verbose_json answer that is read.
type verboseJSON struct {
	Text     string  `json:"text"`
	Duration float64 `json:"duration"`
	Segments []struct {
		Start      float64  `json:"start"`
		End        float64  `json:"end"`
		Text       string   `json:"text"`
		AvgLogprob *float64 `json:"avg_logprob"`
	} `json:"segments"`
}

// Transcribe implements Engine. The server's segments become Segments, with
// exp(avg_logprob) as Confidence when it gives one. A server that answers
// with text alone yields one segment over the whole track.
func (o *OpenAI) Transcribe(ctx context.Context, audio Audio) ([]Segment, error) {
	info, err := readWAV(audio.Path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(audio.Path)
	if err != nil {
		return nil, fmt.Errorf("%w: audio %s: %w", ErrInvalid, audio.Path, err)
	}
	defer f.Close()
	v, err := o.ask(ctx, f, filepath.Base(audio.Path), audio.Language)
	if err != nil {
		return nil, err
	}
	return v.segments(info.duration), nil
}

// Check sends a second of silence, the smallest real request, and reports
// whether the server answers it as a transcription server does: it proves
// the address, the key and the model name before an analysis needs them.
func (o *OpenAI) Check(ctx context.Context) error {
	_, err := o.ask(ctx, bytes.NewReader(silentWAV(time.Second)), "check.wav", "en")
	return err
}

// ask uploads one WAV file and reads the server's verbose_json answer.
func (o *OpenAI) ask(ctx context.Context, wav io.Reader, name, language string) (verboseJSON, error) {
	resp, err := o.post(ctx, wav, name, language)
	if err != nil {
		return verboseJSON{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return verboseJSON{}, fmt.Errorf("%w: transcription server: %w", ErrEngine, err)
	}
	if resp.StatusCode != http.StatusOK {
		return verboseJSON{}, statusError(resp.StatusCode, body)
	}
	var v verboseJSON
	if err := json.Unmarshal(body, &v); err != nil {
		return verboseJSON{}, fmt.Errorf("%w: transcription server answer: %w", ErrEngine, err)
	}
	return v, nil
}

func (v verboseJSON) segments(total time.Duration) []Segment {
	if len(v.Segments) == 0 {
		if strings.TrimSpace(v.Text) == "" {
			return nil
		}
		return []Segment{{Start: 0, End: total, Text: strings.TrimSpace(v.Text), Confidence: -1}}
	}
	segs := make([]Segment, 0, len(v.Segments))
	for _, s := range v.Segments {
		text := strings.TrimSpace(s.Text)
		if text == "" {
			continue
		}
		conf := -1.0
		if s.AvgLogprob != nil {
			conf = min(1, max(0, math.Exp(*s.AvgLogprob)))
		}
		segs = append(segs, Segment{Start: seconds(s.Start), End: seconds(s.End), Text: text, Confidence: conf})
	}
	return segs
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func statusError(code int, body []byte) error {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	msg := tail(string(body), 300)
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		msg = e.Error.Message
	}
	err := fmt.Errorf("%w: transcription server answered %d: %s", ErrEngine, code, msg)
	if code == http.StatusUnauthorized || code == http.StatusForbidden {
		return fault.Explain(fault.Permission, err, fmt.Sprintf(
			"The transcription server refused the API key (it answered %d: %s); check it in Settings.", code, msg))
	}
	return err
}

// post uploads the WAV file as a multipart form, streaming it.
func (o *OpenAI) post(ctx context.Context, wav io.Reader, name, language string) (*http.Response, error) {
	pr, pw := io.Pipe()
	form := multipart.NewWriter(pw)
	done := make(chan struct{})
	go func() {
		defer close(done)
		pw.CloseWithError(o.writeForm(form, wav, name, language))
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.endpoint, pr)
	if err != nil {
		pr.Close()
		<-done
		return nil, fmt.Errorf("transcription request: %w", err)
	}
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	if o.cfg.Key != "" {
		req.Header.Set("Authorization", "Bearer "+o.cfg.Key)
	}
	resp, err := o.cfg.Client.Do(req) // closes pr, which ends the writer
	pr.Close()
	<-done
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("transcription server: %w", ctx.Err())
		}
		return nil, fmt.Errorf("%w: transcription server: %w", ErrEngine, err)
	}
	return resp, nil
}

func (o *OpenAI) writeForm(form *multipart.Writer, wav io.Reader, name, language string) error {
	fields := [][2]string{{"model", o.cfg.Model}, {"response_format", "verbose_json"}, {"timestamp_granularities[]", "segment"}}
	if lang, _, _ := strings.Cut(strings.ToLower(language), "-"); lang != "" {
		fields = append(fields, [2]string{"language", lang}) // ISO 639-1
	}
	for _, f := range fields {
		if err := form.WriteField(f[0], f[1]); err != nil {
			return err
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, name))
	h.Set("Content-Type", "audio/wav")
	part, err := form.CreatePart(h)
	if err != nil {
		return err
	}
	if _, err := io.Copy(part, wav); err != nil {
		return err
	}
	return form.Close()
}
