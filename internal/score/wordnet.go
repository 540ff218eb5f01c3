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

	senses int                // how many of a word's most frequent senses count
	credit map[string]float64 // relation ("=" same synset, or a pointer symbol) → match credit

	mu    sync.Mutex
	cache map[string]map[string]float64 // word → related stems → credit
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
	wn := &wordNet{exc: make(map[string][]string), cache: make(map[string]map[string]float64)}
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

// related returns the stems of the single words WordNet relates to w, each
// with the credit of its closest relation (w itself excluded), cached.
func (wn *wordNet) related(w string) map[string]float64 {
	wn.mu.Lock()
	rel, ok := wn.cache[w]
	wn.mu.Unlock()
	if ok {
		return rel
	}
	rel = wn.lookupRelated(w)
	wn.mu.Lock()
	if len(wn.cache) > 100_000 { // bound memory in a long-running host
		clear(wn.cache)
	}
	wn.cache[w] = rel
	wn.mu.Unlock()
	return rel
}

func (wn *wordNet) lookupRelated(w string) map[string]float64 {
	own := stem(w)
	out := map[string]float64{}
	add := func(words []string, credit float64) {
		for _, x := range words {
			if st := stem(x); st != own && out[st] < credit {
				out[st] = credit
			}
		}
	}
	for _, p := range wn.parts {
		for _, lemma := range wn.baseForms(p, w) {
			offs := p.synsetOffsets(lemma)
			if wn.senses > 0 && len(offs) > wn.senses {
				offs = offs[:wn.senses] // the index lists senses most frequent first
			}
			for _, off := range offs {
				ss := wn.readSynset(p.pos[0], off)
				add(ss.words, wn.credit["="])
				for _, ptr := range ss.ptrs {
					if c, ok := wn.credit[ptr.sym]; ok {
						add(wn.readSynset(ptr.pos, ptr.off).words, c)
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

// synset is one line of a data file: its single-word members, lower case,
// and its pointers to other synsets.
type synset struct {
	words []string
	ptrs  []pointer
}

type pointer struct {
	sym string // "@" hypernym, "+" derivationally related, "&" similar, ...
	pos byte   // n, v, a, s, r
	off int64
}

// readSynset reads the synset at off in the data file of pos: offset
// lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos
// source/target]... | gloss.
func (wn *wordNet) readSynset(pos byte, off int64) synset {
	p := wn.part(pos)
	if p == nil {
		return synset{}
	}
	f := strings.Fields(p.line(off))
	if len(f) < 4 {
		return synset{}
	}
	count, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil {
		return synset{}
	}
	var ss synset
	i := 4
	for ; i < 4+2*int(count) && i < len(f); i += 2 {
		w := strings.ToLower(f[i])
		if j := strings.IndexByte(w, '('); j > 0 { // adjective markers: "big(a)"
			w = w[:j]
		}
		if !strings.ContainsAny(w, "_-") {
			ss.words = append(ss.words, w)
		}
	}
	if i >= len(f) {
		return ss
	}
	n, _ := strconv.Atoi(f[i])
	for i++; n > 0 && i+3 < len(f); n, i = n-1, i+4 {
		if o, err := strconv.ParseInt(f[i+1], 10, 64); err == nil && f[i+2] != "" {
			ss.ptrs = append(ss.ptrs, pointer{sym: f[i], pos: f[i+2][0], off: o})
		}
	}
	return ss
}

// part returns the part of speech a synset type (n, v, a, s, r) is filed in.
func (wn *wordNet) part(pos byte) *wnPart {
	name := map[byte]string{'n': "noun", 'v': "verb", 'a': "adj", 's': "adj", 'r': "adv"}[pos]
	for i := range wn.parts {
		if wn.parts[i].pos == name {
			return &wn.parts[i]
		}
	}
	return nil
}

// line reads the data file's line at off, up to the gloss.
func (p wnPart) line(off int64) string {
	var b []byte
	buf := make([]byte, 4096)
	for {
		n, err := p.data.ReadAt(buf, off+int64(len(b)))
		b = append(b, buf[:n]...)
		if i := bytes.IndexAny(b, "|\n"); i >= 0 {
			return string(b[:i])
		}
		if err != nil || n == 0 {
			return string(b)
		}
	}
}
