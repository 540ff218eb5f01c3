package score

import "testing"

func TestWordNetLookups(t *testing.T) {
	wn, err := openWordNet(DefaultWordNetDir)
	if err != nil {
		t.Fatalf("open WordNet (Debian's wordnet-base, which scripts/deps.sh installs): %v", err)
	}
	defer wn.Close()
	wn.credit = map[string]float64{"=": 0.8, "~": 0.5}
	// Near the start and the end of an index, a plural, an irregular form.
	for _, w := range []string{"aardvark", "zymurgy", "recursion", "queues", "ran"} {
		if !wn.known(w) {
			t.Errorf("known(%q) = false", w)
		}
	}
	if wn.known("enqueuex") {
		t.Error(`known("enqueuex") = true`)
	}
	rel := wn.related("car")
	if rel["automobil"] != 0.8 || rel["car"] != 0 {
		t.Errorf("related(car): automobil %.1f, car %.1f; want the synonym at synonym credit, not the word itself", rel["automobil"], rel["car"])
	}
	if rel["cab"] != 0.5 { // a kind of car (hyponym)
		t.Errorf("related(car)[cab] = %.1f, want the hyponym credit", rel["cab"])
	}
}
