package workspace

import (
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

// The shared editor: pushes in order are stored and reach everyone, stale
// and malformed pushes change nothing, the candidate writes only once let
// in, and a restart brings back the same text.
func TestSharedEditorOrdersStoresAndSurvivesRestart(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	olivia := w.candidate()

	if e := olivia.send(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"o","changes":[[0,"x"]]}]}`); !strings.Contains(e, "lets you in") {
		t.Errorf("candidate push in the waiting room: %q", e)
	}
	rita.must(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"r","changes":[[0,"def f():","  return 1"]]}]}`)
	rita.must(t, `{"type":"action","action":"started"}`)
	olivia.must(t, `{"type":"code.push","doc":"main","version":1,"updates":[{"clientID":"o","changes":[19,[0,"","# 🙂"]]}]}`)
	if e := rita.send(t, `{"type":"code.push","doc":"main","version":1,"updates":[{"clientID":"r","changes":[[0,"#"],19]}]}`); e != "stale" {
		t.Errorf("push on an old version: ack error %q, want stale", e)
	}
	for _, bad := range []string{
		`{"type":"code.push","doc":"main","version":2,"updates":[{"clientID":"r","changes":[[0,"x"],99]}]}`,
		`{"type":"code.push","doc":"main","version":2,"updates":[{"clientID":"r","changes":"nope"}]}`,
		`{"type":"code.push","doc":"other","version":2,"updates":[]}`,
	} {
		if e := rita.send(t, bad); e == "" {
			t.Errorf("%s was accepted", bad)
		}
	}
	if !strings.Contains(olivia.conn.all(), `"type":"code.updates","doc":"main","version":1`) {
		t.Error("the candidate did not hear her own accepted update back")
	}

	want := "def f():\n  return 1\n# 🙂"
	late := w.join(w.iv.Interviewers[1].Token)
	if text, version := late.doc(t, "main"); text != want || version != 2 {
		t.Errorf("late joiner's snapshot = %q v%d, want %q v2", text, version, want)
	}
	w.restart()
	again := w.join(w.iv.Interviewers[0].Token)
	if text, version := again.doc(t, "main"); text != want || version != 2 {
		t.Errorf("after a restart the document is %q v%d, want %q v2", text, version, want)
	}
	again.must(t, `{"type":"code.pull","doc":"main","version":0}`)
	if !strings.Contains(again.conn.all(), `"type":"code.updates","doc":"main","version":0,"updates":[{"clientID":"r"`) {
		t.Error("a pull after the restart did not answer the stored updates")
	}
}

// The scratch pad and everything about it stays with the interviewers.
func TestScratchPadNeverReachesTheCandidate(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	ivan := w.join(w.iv.Interviewers[1].Token)
	rita.must(t, `{"type":"action","action":"started"}`)
	olivia := w.candidate()

	rita.must(t, `{"type":"code.push","doc":"pad","version":0,"updates":[{"clientID":"r","changes":[[0,"pad secret"]]}]}`)
	rita.must(t, `{"type":"cursor","doc":"pad","anchor":3,"head":3}`)
	if e := olivia.send(t, `{"type":"code.pull","doc":"pad","version":0}`); e == "" {
		t.Error("the candidate pulled the scratch pad")
	}
	if e := olivia.send(t, `{"type":"code.push","doc":"pad","version":1,"updates":[{"clientID":"o","changes":[10,[0,"!"]]}]}`); e == "" {
		t.Error("the candidate wrote into the scratch pad")
	}
	if !strings.Contains(ivan.conn.all(), "pad secret") {
		t.Error("the other interviewer did not receive the scratch pad")
	}
	if all := olivia.conn.all(); strings.Contains(all, "pad secret") || strings.Contains(all, `"doc":"pad"`) {
		t.Errorf("the candidate's connection received scratch pad traffic:\n%s", all)
	}
}

// Loading starter code replaces the text and sets the question's language
// for everyone; only interviewers may do it.
func TestStarterCodeLoadsForEveryone(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	rita.must(t, `{"type":"action","action":"started"}`)
	olivia := w.candidate()
	olivia.must(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"o","changes":[[0,"draft"]]}]}`)
	olivia.must(t, `{"type":"code.language","doc":"main","language":"javascript"}`)
	if e := olivia.send(t, `{"type":"code.starter","doc":"main","question":0}`); e == "" {
		t.Error("the candidate loaded starter code")
	}
	rita.must(t, `{"type":"code.starter","doc":"main","question":0}`)
	if !strings.Contains(olivia.conn.all(), `"type":"code.language","doc":"main","language":"python"`) {
		t.Error("the candidate did not hear the language change")
	}
	late := w.join(w.iv.Interviewers[1].Token)
	if text, _ := late.doc(t, "main"); text != "def reverse(xs):\n    pass\n" {
		t.Errorf("after loading starter code the document is %q", text)
	}
	if e := rita.send(t, `{"type":"code.language","doc":"main","language":"cobol"}`); e == "" {
		t.Error("an unknown language was accepted")
	}
}

// With Live Code off the editor refuses everything.
func TestLiveCodeOffRefusesTheEditor(t *testing.T) {
	w := newWorld(t, interviews.Tools{})
	rita := w.join(w.iv.Interviewers[0].Token)
	if e := rita.send(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"r","changes":[[0,"x"]]}]}`); !strings.Contains(e, "Live Code is switched off") {
		t.Errorf("push with Live Code off: %q", e)
	}
	if strings.Contains(rita.conn.all(), `"doc":"main"`) {
		t.Error("a room without Live Code sent the shared document")
	}
	rita.must(t, `{"type":"code.push","doc":"pad","version":0,"updates":[{"clientID":"r","changes":[[0,"x"]]}]}`)
}

// A candidate's page that skipped the consent step gets no shared editor or
// whiteboard, even once the interview has started; with the consent recorded
// it does.
func TestNoWorkspaceWithoutConsent(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true, Whiteboard: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	olivia := w.join(w.iv.CandidateToken)
	rita.must(t, `{"type":"action","action":"started"}`)
	for _, msg := range []string{
		`{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"o","changes":[[0,"x"]]}]}`,
		`{"type":"board.push","elements":[{"id":"r1","type":"rectangle","version":1,"versionNonce":1,"isDeleted":false,"x":1,"y":2}]}`,
	} {
		if e := olivia.send(t, msg); !strings.Contains(e, "Give your consent") {
			t.Errorf("%s without consent: ack error %q, want the consent step named", msg, e)
		}
	}
	if text, _ := rita.doc(t, "main"); text != "" {
		t.Errorf("the shared document holds %q from a candidate without consent", text)
	}
	olivia.must(t, `{"type":"ready","consent":{"personalData":true}}`)
	olivia.must(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"o","changes":[[0,"x"]]}]}`)
}
