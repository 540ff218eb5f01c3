package workspace

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

type startSeen struct {
	Run, Language, Code string
	TimeoutMS           int64
}

// A run goes to an interviewer's browser, with the host's copy of the code;
// its output reaches everyone; the result is stored; only the runner may
// report on it.
func TestRunGoesToAnInterviewersBrowserAndIsStored(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	rita.must(t, `{"type":"action","action":"started"}`)
	olivia := w.candidate()
	olivia.must(t, `{"type":"runner","languages":["javascript","python"]}`)
	rita.must(t, `{"type":"runner","languages":["javascript","python","sql"]}`)
	olivia.must(t, `{"type":"code.language","doc":"main","language":"python"}`)
	olivia.must(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"o","changes":[[0,"print(45)"]]}]}`)

	olivia.must(t, `{"type":"run","doc":"main"}`)
	var start startSeen
	if !rita.conn.last("run.start", &start) || start.Code != "print(45)" || start.Language != "python" ||
		start.TimeoutMS != DefaultRunTimeout.Milliseconds() {
		t.Fatalf("the interviewer's browser got run.start %+v", start)
	}
	if strings.Contains(olivia.conn.all(), "run.start") {
		t.Error("the candidate's browser was asked to run while an interviewer could")
	}
	if e := olivia.send(t, `{"type":"run","doc":"main"}`); !strings.Contains(e, "already running") {
		t.Errorf("a second run at once: %q", e)
	}
	if e := olivia.send(t, `{"type":"run.done","run":"`+start.Run+`","status":"ok","exitCode":0}`); e == "" {
		t.Error("the candidate reported the interviewer's run")
	}
	rita.must(t, `{"type":"run.output","run":"`+start.Run+`","stream":"stdout","text":"45\n"}`)
	rita.must(t, `{"type":"run.done","run":"`+start.Run+`","status":"ok","exitCode":0,"durationMs":12}`)

	var seen struct{ Run RunView }
	if !olivia.conn.last("run", &seen) || seen.Run.State != "done" || seen.Run.Status != "ok" ||
		seen.Run.Runner != "interviewer" || len(seen.Run.Output) != 1 || seen.Run.Output[0].Text != "45\n" {
		t.Errorf("the candidate saw the run end as %+v", seen.Run)
	}
	events, err := rita.sess.Events()
	if err != nil {
		t.Fatal(err)
	}
	var stored []room.RunData
	for _, e := range events {
		if e.Type == room.TypeCodeRun {
			var d room.RunData
			_ = json.Unmarshal(e.Data, &d)
			stored = append(stored, d)
		}
	}
	if len(stored) != 1 || stored[0].Output[0].Text != "45\n" || stored[0].By.Role != room.RoleCandidate {
		t.Errorf("stored runs = %+v", stored)
	}
}

// Stop reaches the runner; a runner that leaves ends its run; output past
// the cap is cut and the run stopped.
func TestRunStopsLeavesAndCapsOutput(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	rita.must(t, `{"type":"action","action":"started"}`)
	ivan := w.join(w.iv.Interviewers[1].Token)
	ivan.must(t, `{"type":"runner","languages":["javascript"]}`)
	rita.must(t, `{"type":"code.language","doc":"main","language":"javascript"}`)
	rita.must(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"r","changes":[[0,"while(true){}"]]}]}`)

	rita.must(t, `{"type":"run","doc":"main"}`)
	var start startSeen
	if !ivan.conn.last("run.start", &start) {
		t.Fatal("no runner was asked")
	}
	big := strings.Repeat("y", MaxRunOutput)
	ivan.must(t, `{"type":"run.output","run":"`+start.Run+`","stream":"stdout","text":"`+big+`!"}`)
	if !strings.Contains(ivan.conn.all(), `{"type":"run.stop","run":"`+start.Run+`"}`) {
		t.Error("output past the cap did not stop the run")
	}
	ivan.sess.Leave(context.Background())
	var seen struct{ Run RunView }
	if !rita.conn.last("run", &seen) || seen.Run.Status != "crashed" || !seen.Run.Truncated ||
		!strings.Contains(seen.Run.Error, "left the room") || len(seen.Run.Output[0].Text) != MaxRunOutput {
		t.Errorf("after the runner left the run is %+v", seen.Run.Status)
	}
	if e := rita.send(t, `{"type":"run","doc":"main"}`); !strings.Contains(e, "no browser in the room") {
		t.Errorf("run with no runner left: %q", e)
	}
	rita.must(t, `{"type":"code.language","doc":"main","language":"go"}`)
	if e := rita.send(t, `{"type":"run","doc":"main"}`); !strings.Contains(e, "Settings → Code runner") {
		t.Errorf("Go with no remote runner: %q", e)
	}
}

// A remote runner runs what no browser can.
func TestRunGoesToTheRemoteRunnerForOtherLanguages(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true})
	remote := &fakeRemote{}
	w.feature.cfg.Remote = remote
	rita := w.join(w.iv.Interviewers[0].Token)
	rita.must(t, `{"type":"code.language","doc":"main","language":"go"}`)
	rita.must(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"r","changes":[[0,"package main"]]}]}`)
	rita.must(t, `{"type":"run","doc":"main","timeoutMs":3000}`)
	w.feature.wg.Wait() // the remote run
	var seen struct{ Run RunView }
	if !rita.conn.last("run", &seen) || seen.Run.State != "done" || seen.Run.Runner != "remote" ||
		seen.Run.Output[0].Text != "hello\n" || seen.Run.ExitCode != 3 {
		t.Errorf("remote run = %+v", seen.Run)
	}
	if remote.got.Code != "package main" || remote.got.Timeout.Milliseconds() != 3000 {
		t.Errorf("the remote runner got %+v", remote.got)
	}
}

// fakeRemote stands in for a Piston service, which cannot run here; the
// runner package's own tests speak HTTP to a Piston-shaped server.
type fakeRemote struct{ got RemoteRequest }

func (r *fakeRemote) CanRun(_ context.Context, language string) bool { return language == "go" }

func (r *fakeRemote) Run(_ context.Context, req RemoteRequest) (RemoteResult, error) {
	r.got = req
	return RemoteResult{Status: "error", ExitCode: 3, Stdout: "hello\n"}, nil
}

// A run's time limit counts from run.begun, when the runner's browser has
// its language's runtime loaded (Python takes seconds on a slow machine); a
// browser that never gets that far is given up after the load limit, with a
// message saying so.
func TestARunsLimitStartsWhenItsRuntimeIsLoaded(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true})
	w.feature.cfg.RuntimeLoadLimit = 400 * time.Millisecond
	w.feature.cfg.ReportGrace = 100 * time.Millisecond
	rita := w.join(w.iv.Interviewers[0].Token)
	rita.must(t, `{"type":"runner","languages":["python"]}`)
	rita.must(t, `{"type":"code.language","doc":"main","language":"python"}`)
	rita.must(t, `{"type":"code.push","doc":"main","version":0,"updates":[{"clientID":"r","changes":[[0,"print(45)"]]}]}`)

	// Begun at once: the run outlives the load limit, then ends at its own.
	rita.must(t, `{"type":"run","doc":"main","timeoutMs":2000}`)
	var start startSeen
	rita.conn.last("run.start", &start)
	rita.must(t, `{"type":"run.begun","run":"`+start.Run+`"}`)
	var seen struct{ Run RunView }
	if !rita.conn.last("run", &seen) || seen.Run.State != "running" || seen.Run.BegunAt == nil {
		t.Fatalf("after run.begun everyone sees %+v", seen.Run)
	}
	time.Sleep(900 * time.Millisecond)
	if rita.conn.last("run", &seen); seen.Run.State != "running" {
		t.Fatalf("a begun run was ended by the load limit: %+v", seen.Run)
	}
	seen = waitRunDone(t, rita)
	if seen.Run.Status != "timeout" || !strings.Contains(seen.Run.Error, "did not report back") {
		t.Errorf("a begun run whose runner went quiet ended as %+v", seen.Run)
	}

	// Never begun: given up after the load limit, saying what happened.
	rita.must(t, `{"type":"run","doc":"main","timeoutMs":2000}`)
	seen = waitRunDone(t, rita)
	if seen.Run.Status != "timeout" || !strings.Contains(seen.Run.Error, "could not start Python within") {
		t.Errorf("a run whose runtime never loaded ended as %+v", seen.Run)
	}
	if e := rita.send(t, `{"type":"run.begun","run":"`+start.Run+`"}`); !strings.Contains(e, ErrNoRun.Error()) {
		t.Errorf("run.begun for a finished run: %q", e)
	}
}

// waitRunDone waits (10 s at most) for the member to hear that a run ended.
func waitRunDone(t *testing.T, m member) (seen struct{ Run RunView }) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m.conn.last("run", &seen) && seen.Run.State == "done" {
			return seen
		}
	}
	t.Fatalf("the run did not end: %+v", seen.Run)
	return seen
}
