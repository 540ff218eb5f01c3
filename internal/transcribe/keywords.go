package transcribe

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Hit is a key term heard in a track.
type Hit struct {
	Term  string        `json:"term"` // as given to KeywordSpot
	Start time.Duration `json:"start"`
	End   time.Duration `json:"end"`
}

// KeywordSpot listens for terms (words or short phrases, e.g. a question's
// key points) with pocketsphinx's keyword-spotting search, which compares
// each term's pronunciation with the audio directly instead of recognising
// every word: an extra signal beside the transcript. Matching ignores case.
// A term with a word the dictionary cannot pronounce cannot be spotted and
// is left out. Hits are in time order.
func (s *Sphinx) KeywordSpot(ctx context.Context, audio Audio, terms []string) ([]Hit, error) {
	phrases, err := s.phrases(terms)
	if err != nil || len(phrases) == 0 {
		return nil, err
	}
	info, utts, err := s.utterances(ctx, audio)
	if err != nil || len(utts) == 0 {
		return nil, err
	}
	list, err := s.keywordList(phrases)
	if err != nil {
		return nil, err
	}
	defer os.Remove(list)
	words, err := s.decode(ctx, audio.Path, info, utts, "-kws", list)
	if err != nil {
		return nil, err
	}
	var hits []Hit
	for i, u := range utts {
		for _, w := range words[i] {
			if term, ok := phrases[w.text]; ok {
				hits = append(hits, Hit{Term: term, Start: u.from + w.start, End: u.from + w.end})
			}
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int { return cmp.Compare(a.Start, b.Start) })
	return hits, nil
}

// phrases maps each spottable term, lower-cased with single spaces, to the
// term as given.
func (s *Sphinx) phrases(terms []string) (map[string]string, error) {
	dict, err := s.dictionary()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, t := range terms {
		words := strings.Fields(strings.ToLower(t))
		if len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool { return !dict[w] }) {
			out[strings.Join(words, " ")] = t
		}
	}
	return out, nil
}

// keywordList writes pocketsphinx's -kws file: one "phrase /threshold/" a
// line.
func (s *Sphinx) keywordList(phrases map[string]string) (string, error) {
	f, err := os.CreateTemp("", "interviewdesk-kws-*.txt")
	if err != nil {
		return "", fmt.Errorf("keyword list: %w", err)
	}
	for _, p := range slices.Sorted(maps.Keys(phrases)) {
		fmt.Fprintf(f, "%s /%g/\n", p, s.cfg.KeywordThreshold)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(f.Name())
		return "", fmt.Errorf("keyword list: %w", err)
	}
	return f.Name(), nil
}

// dictionary loads the words of the pronunciation dictionary once.
func (s *Sphinx) dictionary() (map[string]bool, error) {
	s.dictOnce.Do(func() {
		f, err := os.Open(s.cfg.Dict)
		if err != nil {
			s.dictErr = fmt.Errorf("pocketsphinx dictionary: %w", err)
			return
		}
		defer f.Close()
		s.dict = map[string]bool{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w, _, _ := strings.Cut(sc.Text(), " ")
			if i := strings.IndexByte(w, '('); i > 0 {
				w = w[:i]
			}
			s.dict[w] = true
		}
		if err := sc.Err(); err != nil {
			s.dictErr = fmt.Errorf("pocketsphinx dictionary %s: %w", filepath.Base(s.cfg.Dict), err)
		}
	})
	return s.dict, s.dictErr
}
