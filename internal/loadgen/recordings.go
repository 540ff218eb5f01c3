package loadgen

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/links"
)

// Recording is one recorded track as the check found it.
type Recording struct {
	Name string `json:"name"`
	From string `json:"from"` // "interviewer" or "candidate"
	Kind string `json:"kind"`
	// Duration is ffprobe's; Expected the media its publisher sent.
	Duration time.Duration `json:"duration"`
	Expected time.Duration `json:"expected"`
	Packets  int           `json:"packets"` // demuxed, the whole file
	Frames   int           `json:"frames"`  // decoded, the first seconds
	Problem  string        `json:"problem,omitempty"`
}

// recordingView is the part of the console's recording list the check reads.
type recordingView struct {
	Name        string `json:"name"`
	Participant string `json:"participant"`
	Kind        string `json:"kind"`
	Active      bool   `json:"active"`
	Finalised   bool   `json:"finalised"`
	URL         string `json:"url"`
}

// tracksPerInterview: two participants, camera and microphone each.
const tracksPerInterview = 4

// waitRecordings polls the console's recording list of an interview until its
// four tracks are finalised (remuxed with duration and cues) or ctx ends.
func waitRecordings(ctx context.Context, c *client.Client, id string) ([]recordingView, error) {
	var list struct {
		Recordings []recordingView `json:"recordings"`
	}
	for {
		err := c.Do(ctx, http.MethodGet, "/api/interviews/"+id+"/recordings", nil, &list)
		if err == nil && done(list.Recordings) {
			return list.Recordings, nil
		}
		select {
		case <-ctx.Done():
			if err == nil {
				err = fmt.Errorf("%d of %d tracks finalised", finalised(list.Recordings), tracksPerInterview)
			}
			return list.Recordings, fmt.Errorf("recordings of %s: %w", id, err)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

func finalised(rs []recordingView) int {
	n := 0
	for _, r := range rs {
		if r.Finalised && !r.Active {
			n++
		}
	}
	return n
}

func done(rs []recordingView) bool {
	return len(rs) >= tracksPerInterview && finalised(rs) == len(rs)
}

// probe is what ffprobe says of a file.
type probe struct {
	Format struct {
		Duration string `json:"duration"`
	} `json:"format"`
	Streams []struct {
		CodecName     string `json:"codec_name"`
		NbReadPackets string `json:"nb_read_packets"`
		NbReadFrames  string `json:"nb_read_frames"`
	} `json:"streams"`
}

// decodeSeconds is how much of each file the check decodes (all of it is
// demuxed): enough to prove the codec data decodes, cheap enough for hundreds
// of files.
const decodeSeconds = 3

// checkRecording reads a recording from the host the way the console's player
// does (over HTTP with the console key): ffprobe demuxes every packet and
// decodes the first seconds; the duration must match the media sent.
func checkRecording(ctx context.Context, ffprobe, base, key string, r recordingView, expected time.Duration) Recording {
	out := Recording{Name: r.Name, Kind: r.Kind, Expected: expected, From: "interviewer"}
	if r.Participant == string(links.CandidateParticipant) {
		out.From = "candidate"
	}
	url := base + r.URL
	hdr := "Authorization: Bearer " + key + "\r\n"
	var whole, head probe
	if err := runProbe(ctx, ffprobe, &whole, "-headers", hdr, "-count_packets",
		"-show_entries", "format=duration:stream=codec_name,nb_read_packets", url); err != nil {
		out.Problem = err.Error()
		return out
	}
	if err := runProbe(ctx, ffprobe, &head, "-headers", hdr, "-count_frames", "-read_intervals", "%+"+strconv.Itoa(decodeSeconds),
		"-show_entries", "stream=nb_read_frames", url); err != nil {
		out.Problem = err.Error()
		return out
	}
	secs, _ := strconv.ParseFloat(whole.Format.Duration, 64)
	out.Duration = time.Duration(secs * float64(time.Second))
	if len(whole.Streams) == 1 && len(head.Streams) == 1 {
		out.Packets, _ = strconv.Atoi(whole.Streams[0].NbReadPackets)
		out.Frames, _ = strconv.Atoi(head.Streams[0].NbReadFrames)
	}
	out.Problem = judge(out)
	return out
}

// judge says what is wrong with a probed recording, or "". A video file
// starts at the first keyframe after its track was published, so it may
// miss up to a keyframe interval at the start.
func judge(r Recording) string {
	const (
		early = 3 * time.Second // late start: wait for a keyframe, negotiation
		late  = time.Second
	)
	switch {
	case r.Packets == 0:
		return "no packets"
	case r.Frames == 0:
		return "nothing decodes"
	case r.Duration < r.Expected-early || r.Duration > r.Expected+late:
		return fmt.Sprintf("lasts %.1f s, the publisher sent %.1f s", r.Duration.Seconds(), r.Expected.Seconds())
	}
	return ""
}

func runProbe(ctx context.Context, ffprobe string, into *probe, args ...string) error {
	args = append([]string{"-v", "error", "-of", "json"}, args...)
	cmd := exec.CommandContext(ctx, ffprobe, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("ffprobe: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		return fmt.Errorf("ffprobe: %s", s)
	}
	if err := json.Unmarshal(b, into); err != nil {
		return fmt.Errorf("ffprobe output: %w", err)
	}
	return nil
}
