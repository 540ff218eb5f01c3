package workspace

import (
	"strings"
	"testing"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

// The candidate's pastes and time away reach the interviewers' state, timed
// by the host, and never the candidate.
func TestActivityReachesInterviewersOnly(t *testing.T) {
	w := newWorld(t, interviews.Tools{LiveCode: true, Whiteboard: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	rita.must(t, `{"type":"action","action":"started"}`)
	olivia := w.candidate()
	olivia.must(t, `{"type":"activity","kind":"paste","doc":"main","length":4210,"external":true}`)
	olivia.must(t, `{"type":"activity","kind":"blur"}`)
	olivia.must(t, `{"type":"activity","kind":"blur"}`) // window blur after the tab was hidden: one absence
	olivia.must(t, `{"type":"activity","kind":"focus"}`)
	rita.must(t, `{"type":"activity","kind":"blur"}`) // an interviewer's own tab: not recorded

	var st struct {
		State struct {
			Activity []struct {
				Kind     string
				Length   int
				External bool
				AwayMS   int64
			}
		}
	}
	if !rita.conn.last("state", &st) || len(st.State.Activity) != 3 || st.State.Activity[0].Length != 4210 ||
		!st.State.Activity[0].External || st.State.Activity[2].Kind != "returned" || st.State.Activity[2].AwayMS <= 0 {
		t.Errorf("interviewer's activity = %+v", st.State.Activity)
	}
	if all := olivia.conn.all(); strings.Contains(all, "4210") || strings.Contains(all, `"activity"`) {
		t.Errorf("the candidate received activity:\n%s", all)
	}
}

// Whiteboard elements merge on the host, reach the others, and come back
// after a restart; images are refused.
func TestBoardMergesForwardsAndSurvivesRestart(t *testing.T) {
	w := newWorld(t, interviews.Tools{Whiteboard: true})
	rita := w.join(w.iv.Interviewers[0].Token)
	rita.must(t, `{"type":"action","action":"started"}`)
	olivia := w.candidate()
	rect := `{"id":"r1","type":"rectangle","version":2,"versionNonce":5,"isDeleted":false,"x":1,"y":2}`
	olivia.must(t, `{"type":"board.push","elements":[`+rect+`]}`)
	if !strings.Contains(rita.conn.all(), `"type":"board.updates"`) || strings.Contains(olivia.conn.all(), `"type":"board.updates"`) {
		t.Error("board updates went to the wrong members")
	}
	old := `{"id":"r1","type":"rectangle","version":1,"versionNonce":1,"isDeleted":false,"x":9,"y":9}`
	rita.must(t, `{"type":"board.push","elements":[`+old+`]}`)
	if e := rita.send(t, `{"type":"board.push","elements":[{"id":"i1","type":"image","version":1,"versionNonce":1,"fileId":"f"}]}`); e == "" {
		t.Error("an image element was accepted")
	}
	rita.must(t, `{"type":"pointer","x":10,"y":20,"button":"down","tool":"laser"}`)
	if !strings.Contains(olivia.conn.all(), `"type":"pointer"`) {
		t.Error("the candidate did not see the interviewer's pointer")
	}
	w.restart()
	again := w.join(w.iv.Interviewers[1].Token)
	var b struct{ Elements []map[string]any }
	if !again.conn.last("board", &b) || len(b.Elements) != 1 || b.Elements[0]["x"] != float64(1) {
		t.Errorf("after a restart the board is %+v", b.Elements)
	}
}
