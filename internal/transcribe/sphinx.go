package transcribe

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Where Debian's pocketsphinx-en-us puts the US English model.
const sphinxModelDir = "/usr/share/pocketsphinx/model/en-us"

// Utterances: each spoken span is decoded on its own, padded with a little
// of the pause around it and cut into pieces of at most maxUtterance.
const (
	utterancePad = 150 * time.Millisecond
	maxUtterance = 30 * time.Second
	frame        = 10 * time.Millisecond // pocketsphinx's default frame rate, 100/s
	minShare     = 10 * time.Second      // least audio worth starting another decoder for
)

// searchLimits bound the language-model search: at most 10 word exits per
// frame (pocketsphinx's default is no limit). Side by side on the same
// speech (the analysis benchmark's and two other sets) it took 10–35 % less
// CPU (the machines here are too shared to say closer) and not a word
// fewer. Bounding the active HMMs too (-maxhmmpf 3000) took 40 % less but
// lost a word in a hundred every time, so it is not done.
var searchLimits = []string{"-maxwpf", "10"}

// SphinxConfig configures the PocketSphinx engine. The zero value uses the
// Debian packages pocketsphinx and pocketsphinx-en-us.
type SphinxConfig struct {
	Program string // pocketsphinx_batch; empty: found on PATH
	HMM     string // acoustic model folder; empty: Debian's en-us model
	LM      string // language model; empty: Debian's en-us.lm.bin
	Dict    string // pronunciation dictionary; empty: Debian's cmudict-en-us.dict
	// Decoders is how many pocketsphinx processes share a long track (each
	// takes one CPU and ~100 MB); zero: one per CPU, at most 4.
	Decoders int
	// KeywordThreshold is the detection threshold of KeywordSpot for every
	// term (pocketsphinx's -kws_threshold; smaller finds more, and more
	// wrongly). Zero: 1e-20, which finds single words; phrases of several
	// words are rarely found at that level.
	KeywordThreshold float64
}

// Sphinx is the offline engine: CMU PocketSphinx (pocketsphinx_batch) with
// its US English model. Each spoken span of a track is one utterance, with
// its own cepstral mean (so the first words of a track are decoded as well
// as the rest).
type Sphinx struct {
	cfg SphinxConfig

	dictOnce sync.Once
	dict     map[string]bool // words the dictionary can pronounce
	dictErr  error
}

var _ Engine = (*Sphinx)(nil)

// NewSphinx checks that the program and the model are installed.
func NewSphinx(cfg SphinxConfig) (*Sphinx, error) {
	if cfg.Program == "" {
		p, err := sphinx.path()
		if err != nil {
			return nil, err
		}
		cfg.Program = p
	}
	cfg.HMM = cmp.Or(cfg.HMM, filepath.Join(sphinxModelDir, "en-us"))
	cfg.LM = cmp.Or(cfg.LM, filepath.Join(sphinxModelDir, "en-us.lm.bin"))
	cfg.Dict = cmp.Or(cfg.Dict, filepath.Join(sphinxModelDir, "cmudict-en-us.dict"))
	if cfg.Decoders <= 0 {
		cfg.Decoders = min(runtime.NumCPU(), 4)
	}
	if cfg.KeywordThreshold == 0 {
		cfg.KeywordThreshold = 1e-20
	}
	for _, p := range []string{filepath.Join(cfg.HMM, "mdef"), cfg.LM, cfg.Dict} {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("pocketsphinx model %s: %w (install the Debian package pocketsphinx-en-us)", p, ErrMissing)
		}
	}
	return &Sphinx{cfg: cfg}, nil
}

// Name implements Engine.
func (*Sphinx) Name() string { return "pocketsphinx" }

// Quality implements Engine.
func (*Sphinx) Quality() string {
	return "Offline speech recognition (PocketSphinx). Expect many wrong words, especially with accents or synthetic voices; " +
		"use it to find where people talked about what, not as a record of what was said."
}

// Transcribe implements Engine: one segment per spoken span (longer spans
// in pieces of at most 30 s), with the words' mean posterior probability as
// Confidence. Only English is supported.
func (s *Sphinx) Transcribe(ctx context.Context, audio Audio) ([]Segment, error) {
	info, utts, err := s.utterances(ctx, audio)
	if err != nil || len(utts) == 0 {
		return nil, err
	}
	words, err := s.decode(ctx, audio.Path, info, utts, append([]string{"-lm", s.cfg.LM}, searchLimits...)...)
	if err != nil {
		return nil, err
	}
	var segs []Segment
	for i, u := range utts {
		if seg, ok := u.segment(words[i]); ok {
			segs = append(segs, seg)
		}
	}
	return segs, nil
}

// utterance is a piece of a track decoded on its own.
type utterance struct{ from, to time.Duration }

// utterances checks audio and cuts its speech into utterances.
func (s *Sphinx) utterances(ctx context.Context, audio Audio) (wavInfo, []utterance, error) {
	if !english(audio.Language) {
		return wavInfo{}, nil, fmt.Errorf("pocketsphinx %q: %w (it has an English model only)", audio.Language, ErrLanguage)
	}
	info, err := readWAV(audio.Path)
	if err != nil {
		return wavInfo{}, nil, err
	}
	spans := audio.Speech
	if spans == nil {
		if spans, err = Speech(ctx, audio.Path); err != nil {
			return wavInfo{}, nil, err
		}
	}
	return info, cutUtterances(spans, info.duration), nil
}

func english(lang string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return primary == "" || primary == "en"
}

// cutUtterances pads each span (pauses are at least 0.4 s, so padded
// neighbours do not overlap) and cuts long ones.
func cutUtterances(spans []Span, total time.Duration) []utterance {
	var utts []utterance
	for _, sp := range spans {
		from, to := max(0, sp.Start-utterancePad), min(total, sp.End+utterancePad)
		for ; to-from > maxUtterance; from += maxUtterance {
			utts = append(utts, utterance{from, from + maxUtterance})
		}
		if to-from >= minSpeech {
			utts = append(utts, utterance{from, to})
		}
	}
	return utts
}

// segment joins an utterance's words, dropping silence and noise markers.
func (u utterance) segment(words []word) (Segment, bool) {
	var text []string
	var start, end time.Duration
	var prob float64
	for _, w := range words {
		if w.filler() {
			continue
		}
		if len(text) == 0 {
			start = u.from + w.start
		}
		end = u.from + w.end
		text = append(text, w.text)
		prob += w.prob
	}
	if len(text) == 0 {
		return Segment{}, false
	}
	return Segment{Start: start, End: end, Text: strings.Join(text, " "), Confidence: prob / float64(len(text))}, true
}

// decode runs pocketsphinx_batch over the utterances of a WAV file with the
// given search (a language model or keyword list) and returns each
// utterance's words, in utterance order. Long tracks are shared among
// several decoders running at once.
func (s *Sphinx) decode(ctx context.Context, wavPath string, info wavInfo, utts []utterance, search ...string) ([][]word, error) {
	abs, err := filepath.Abs(wavPath)
	if err != nil {
		return nil, fmt.Errorf("audio %s: %w", wavPath, err)
	}
	dir, err := os.MkdirTemp("", "interviewdesk-sphinx-")
	if err != nil {
		return nil, fmt.Errorf("pocketsphinx work folder: %w", err)
	}
	defer os.RemoveAll(dir)
	// The control file names files without spaces: link the track in.
	if err := os.Symlink(abs, filepath.Join(dir, "audio.wav")); err != nil {
		return nil, fmt.Errorf("pocketsphinx work folder: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	groups := s.share(utts)
	logs, errs := make([]string, len(groups)), make([]error, len(groups))
	var wg sync.WaitGroup
	for g, ix := range groups {
		wg.Go(func() {
			logs[g], errs[g] = s.runDecoder(ctx, dir, info, utts, ix, g, search)
			if errs[g] != nil {
				cancel() // the others' work is of no use now
			}
		})
	}
	wg.Wait()
	if err := firstError(errs); err != nil {
		return nil, fmt.Errorf("transcribe %s: %w", wavPath, err)
	}
	out := make([][]word, len(utts))
	for _, log := range logs {
		for id, words := range parseBacktrace(log) {
			var i int
			if _, err := fmt.Sscanf(id, "u%d", &i); err == nil && i >= 0 && i < len(out) {
				out[i] = words
			}
		}
	}
	return out, nil
}

// firstError is the error that made the decoders stop: one that is not a
// cancellation caused by another's failure.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// share splits the utterances into contiguous groups, one per decoder, of
// about equal audio; a decoder costs ~0.4 s to load, so each gets at least
// minShare of audio.
func (s *Sphinx) share(utts []utterance) [][]int {
	var total time.Duration
	for _, u := range utts {
		total += u.to - u.from
	}
	n := max(1, min(s.cfg.Decoders, int(total/minShare)))
	groups := make([][]int, 0, n)
	var done time.Duration
	for i, u := range utts {
		g := min(n-1, int(done*time.Duration(n)/max(total, 1)))
		for len(groups) <= g {
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
		done += u.to - u.from
	}
	// A long utterance may leave a group empty.
	return slices.DeleteFunc(groups, func(g []int) bool { return len(g) == 0 })
}

// runDecoder decodes the utterances ix as group g and returns the log.
func (s *Sphinx) runDecoder(ctx context.Context, dir string, info wavInfo, utts []utterance, ix []int, g int, search []string) (string, error) {
	var ctl strings.Builder
	for _, i := range ix {
		fmt.Fprintf(&ctl, "audio %d %d u%d\n", utts[i].from/frame, (utts[i].to+frame-1)/frame, i)
	}
	ctlPath, logPath := filepath.Join(dir, fmt.Sprintf("part-%d.ctl", g)), filepath.Join(dir, fmt.Sprintf("part-%d.log", g))
	if err := os.WriteFile(ctlPath, []byte(ctl.String()), 0o600); err != nil {
		return "", fmt.Errorf("pocketsphinx control file: %w", err)
	}
	args := append([]string{"-adcin", "yes", "-adchdr", fmt.Sprint(info.dataOffset), "-cepdir", dir, "-cepext", ".wav",
		"-ctl", ctlPath, "-cmn", "batch", "-backtrace", "yes", "-logfn", logPath,
		"-hmm", s.cfg.HMM, "-dict", s.cfg.Dict}, search...)
	if _, err := run(ctx, s.cfg.Program, args...); err != nil {
		if ctx.Err() != nil {
			return "", err
		}
		return "", fmt.Errorf("%w: %w", ErrEngine, err)
	}
	log, err := os.ReadFile(logPath)
	if err != nil {
		return "", fmt.Errorf("%w: pocketsphinx log: %w", ErrEngine, err)
	}
	return string(log), nil
}

// word is one entry of an utterance's backtrace, timed from its start.
type word struct {
	text       string
	start, end time.Duration
	prob       float64
}

// filler reports silence, sentence and noise markers (<s>, <sil>, [NOISE]).
func (w word) filler() bool {
	return strings.HasPrefix(w.text, "<") || strings.HasPrefix(w.text, "[") || strings.HasPrefix(w.text, "+")
}

// parseBacktrace reads the word tables "-backtrace yes" writes to the log
// after each "Decoding 'ID'" line:
//
//	word                 start end   pprob ascr       lscr       lback
//	<s>                  0     8     1.000 -217088    0          1
//	fox                  86    117   0.551 -1564672   -47        3
//
// start and end are frames (inclusive) from the utterance's start; INFO
// lines may come between the rows. A word
// may hold spaces (a spotted key phrase); an alternative pronunciation's
// suffix, "the(2)", is dropped.
func parseBacktrace(log string) map[string][]word {
	out := map[string][]word{}
	id, inTable := "", false
	for line := range strings.Lines(log) {
		if _, rest, ok := strings.Cut(line, "Decoding '"); ok {
			id, _, _ = strings.Cut(rest, "'")
			inTable = false
			continue
		}
		f := strings.Fields(line)
		if len(f) == 7 && f[0] == "word" && f[1] == "start" {
			out[id], inTable = nil, true // a table may be written twice; keep one
			continue
		}
		if !inTable || strings.HasPrefix(line, "INFO:") {
			continue // the decoder's own log lines may come between the rows
		}
		w, ok := parseWord(f)
		if !ok {
			inTable = false
			continue
		}
		out[id] = append(out[id], w)
	}
	return out
}

func parseWord(f []string) (word, bool) {
	if len(f) < 7 {
		return word{}, false
	}
	n := len(f) - 6
	var sf, ef int64
	var prob float64
	if _, err := fmt.Sscan(strings.Join(f[n:n+3], " "), &sf, &ef, &prob); err != nil {
		return word{}, false
	}
	text := strings.Join(f[:n], " ")
	if i := strings.LastIndexByte(text, '('); i > 0 && strings.HasSuffix(text, ")") {
		text = text[:i]
	}
	return word{text: text, start: time.Duration(sf) * frame, end: time.Duration(ef+1) * frame, prob: prob}, true
}
