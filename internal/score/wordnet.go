package score

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// DefaultWordNetDir is where Debian's wordnet-base package puts WordNet 3.0.
const DefaultWordNetDir = "/usr/share/wordnet"

// wordNet reads WordNet's database files (wndb(5WN)): the sorted index.POS
// files are held in memory and binary-searched; synsets are read from the
// data.POS files at the byte offsets the index gives.
type wordNet struct {
	parts []wnPart
	exc   map[string][]string // inflected form → base forms, from the POS.exc files

	mu    sync.Mutex
	cache map[string][]string // word → its synonyms, stemmed
}

type wnPart struct {
	pos   string // noun, verb, adj, adv
	index []byte
	data  *os.File
	rules [][2]string // morphological detachment rules: suffix → replacement
}

var wnRules = map[string][][2]string{
	"noun": {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	"verb": {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	"adj":  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	"adv":  nil,
}

// openWordNet opens the WordNet database in dir. A dir without WordNet gives
// an error wrapping fs.ErrNotExist.
func openWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{exc: make(map[string][]string), cache: make(map[string][]string)}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		p, err := openPart(dir, pos)
		if err != nil {
			_ = wn.Close()
			return nil, err
		}
		wn.parts = append(wn.parts, p)
		if err := wn.readExceptions(filepath.Join(dir, pos+".exc")); err != nil && !errors.Is(err, fs.ErrNotExist) {
			_ = wn.Close()
			return nil, err
		}
	}
	return wn, nil
}

func openPart(dir, pos string) (wnPart, error) {
	index, err := os.ReadFile(filepath.Join(dir, "index."+pos))
	if err != nil {
		return wnPart{}, fmt.Errorf("read wordnet index: %w", err)
	}
	data, err := os.Open(filepath.Join(dir, "data."+pos))
	if err != nil {
		return wnPart{}, fmt.Errorf("open wordnet data: %w", err)
	}
	return wnPart{pos: pos, index: index, data: data, rules: wnRules[pos]}, nil
}

func (wn *wordNet) readExceptions(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read wordnet exceptions: %w", err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 {
			wn.exc[f[0]] = append(wn.exc[f[0]], f[1:]...)
		}
	}
	return nil
}

// Close closes the data files.
func (wn *wordNet) Close() error {
	var errs []error
	for _, p := range wn.parts {
		errs = append(errs, p.data.Close())
	}
	return errors.Join(errs...)
}

// synonyms returns the stems of the single words that share a synset with w
// in any part of speech (w itself excluded), cached.
func (wn *wordNet) synonyms(w string) []string {
	wn.mu.Lock()
	syn, ok := wn.cache[w]
	wn.mu.Unlock()
	if ok {
		return syn
	}
	syn = wn.lookupSynonyms(w)
	wn.mu.Lock()
	if len(wn.cache) > 100_000 { // bound memory in a long-running host
		clear(wn.cache)
	}
	wn.cache[w] = syn
	wn.mu.Unlock()
	return syn
}

func (wn *wordNet) lookupSynonyms(w string) []string {
	own := stem(w)
	seen := map[string]bool{own: true}
	var out []string
	for _, p := range wn.parts {
		for _, lemma := range wn.baseForms(p, w) {
			for _, off := range p.synsetOffsets(lemma) {
				for _, s := range p.synsetWords(off) {
					if st := stem(s); !seen[st] {
						seen[st] = true
						out = append(out, st)
					}
				}
			}
		}
	}
	return out
}

// known reports whether w (or a base form of it) is a WordNet lemma.
func (wn *wordNet) known(w string) bool {
	for _, p := range wn.parts {
		for _, lemma := range wn.baseForms(p, w) {
			if _, ok := p.lookup(lemma); ok {
				return true
			}
		}
	}
	return false
}

// baseForms is WordNet's morphy for one part of speech: w itself, its
// exception-list base forms, and the forms the detachment rules give.
func (wn *wordNet) baseForms(p wnPart, w string) []string {
	forms := append([]string{w}, wn.exc[w]...)
	for _, r := range p.rules {
		if strings.HasSuffix(w, r[0]) && len(w) > len(r[0])+1 {
			forms = append(forms, strings.TrimSuffix(w, r[0])+r[1])
		}
	}
	return forms
}

// lookup binary-searches the index for lemma's line.
func (p wnPart) lookup(lemma string) ([]byte, bool) {
	key := []byte(lemma)
	lo, hi := 0, len(p.index)
	for lo < hi {
		mid := (lo + hi) / 2
		start := bytes.LastIndexByte(p.index[:mid], '\n') + 1
		end := bytes.IndexByte(p.index[mid:], '\n')
		if end < 0 {
			end = len(p.index)
		} else {
			end += mid
		}
		line := p.index[start:end]
		word, _, _ := bytes.Cut(line, []byte(" "))
		switch c := bytes.Compare(word, key); {
		case c == 0 && len(line) > 0 && line[0] != ' ':
			return line, true
		case c < 0:
			lo = end + 1
		default:
			hi = start
		}
	}
	return nil, false
}

// synsetOffsets parses an index line: lemma pos synset_cnt p_cnt [ptr...]
// sense_cnt tagsense_cnt offset... and returns the synset offsets.
func (p wnPart) synsetOffsets(lemma string) []int64 {
	line, ok := p.lookup(lemma)
	if !ok {
		return nil
	}
	f := strings.Fields(string(line))
	if len(f) < 4 {
		return nil
	}
	nptr, err := strconv.Atoi(f[3])
	if err != nil || len(f) < 6+nptr {
		return nil
	}
	var offs []int64
	for _, s := range f[6+nptr:] {
		if off, err := strconv.ParseInt(s, 10, 64); err == nil {
			offs = append(offs, off)
		}
	}
	return offs
}

// synsetWords reads the synset at off: offset lex_filenum ss_type w_cnt(hex)
// word lex_id ... and returns its single-word members, lower case.
func (p wnPart) synsetWords(off int64) []string {
	buf := make([]byte, 1024)
	n, _ := p.data.ReadAt(buf, off)
	line, _, _ := bytes.Cut(buf[:n], []byte("\n"))
	f := strings.Fields(string(line))
	if len(f) < 4 {
		return nil
	}
	count, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil {
		return nil
	}
	var words []string
	for i := 0; i < int(count) && 4+2*i < len(f); i++ {
		w := strings.ToLower(f[4+2*i])
		if j := strings.IndexByte(w, '('); j > 0 { // adjective markers: "big(a)"
			w = w[:j]
		}
		if !strings.ContainsAny(w, "_-") {
			words = append(words, w)
		}
	}
	return words
}
