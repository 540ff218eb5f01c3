package score

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rebuild wordfreq.txt from the WordNet in "+DefaultWordNetDir)

// glossFrequencies counts, per stem, the WordNet glosses it occurs in.
func glossFrequencies(t *testing.T, dir string) (docs int, df map[string]int) {
	t.Helper()
	df = make(map[string]int)
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "data."+pos))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			_, gloss, ok := strings.Cut(line, " | ")
			if !ok || strings.HasPrefix(line, " ") {
				continue
			}
			docs++
			seen := map[string]bool{}
			for _, tok := range tokenize(gloss) {
				if !tok.stop && !seen[tok.stem] {
					seen[tok.stem] = true
					df[tok.stem]++
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return docs, df
}

func TestWordFrequencies(t *testing.T) {
	if *update {
		docs, df := glossFrequencies(t, DefaultWordNetDir)
		stems := make([]string, 0, len(df))
		for s, n := range df {
			if n >= 2 {
				stems = append(stems, s)
			}
		}
		sort.Strings(stems)
		var b bytes.Buffer
		fmt.Fprintf(&b, "# glosses %d\n", docs)
		for _, s := range stems {
			fmt.Fprintf(&b, "%s %d\n", s, df[s])
		}
		if err := os.WriteFile("wordfreq.txt", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tab := parseIDF(wordFreqText)
	if len(tab.idf) < 10_000 {
		t.Fatalf("the word list has %d stems, want a general-English list", len(tab.idf))
	}
	if !(tab.weight("use") < tab.weight("comput") && tab.weight("comput") < tab.weight("enqueu")) {
		t.Errorf("weights: use %.2f, comput %.2f, enqueu %.2f: want common < rarer < unknown",
			tab.weight("use"), tab.weight("comput"), tab.weight("enqueu"))
	}
}
