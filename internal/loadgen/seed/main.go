// Command seed fills a data folder with many interviews, for measuring the
// console at scale: it opens the folder as the CLI does when no host runs
// and schedules each interview through the console API, in process (no
// network), so every one is validated and stored like one made in the
// console. About a fifth lie in the past (scheduled with the clock set back)
// and a twentieth are cancelled; the rest spread over the coming year.
//
//	seed -data DIR [-n 10000]
//
// Each interview is one committed transaction: on a disk that syncs slowly,
// seed a folder on a memory file system (/dev/shm) and serve it from there.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sync/atomic"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/host"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
}

var (
	first    = []string{"Ada", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger", "Radia", "Donald", "Sophie", "Alan", "Hedy", "Niklaus", "Karen"}
	last     = []string{"Lovelace", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie", "Allen", "Dijkstra", "Perlman", "Knuth", "Wilson", "Turing", "Lamarr", "Wirth", "Jones"}
	position = []string{"Go backend engineer", "Frontend engineer", "Data engineer", "DevOps engineer", "Python developer", "Java developer", "Engineering manager", "QA engineer"}
	campaign = []string{"", "", "Spring hiring", "Graduates", "Platform team"}
)

func run() error {
	data := flag.String("data", "", "data folder to fill (created if missing)")
	n := flag.Int("n", 10000, "interviews to schedule")
	flag.Parse()
	if *data == "" {
		return fmt.Errorf("-data is required")
	}
	// The clock the host schedules with: set back for the past interviews.
	var offset atomic.Int64
	now := func() time.Time { return time.Now().Add(-time.Duration(offset.Load())) }
	h, err := host.Open(host.Config{DataDir: *data}, slog.New(slog.DiscardHandler), now)
	if err != nil {
		return err
	}
	defer h.Close()
	ctx := context.Background()
	api := client.InProcess(h.Handler(), h.Key())
	if err := api.Do(ctx, http.MethodPut, "/api/settings",
		map[string]any{"organizer": map[string]string{"name": "Rita Recruiter", "email": "rita@example.com"}}, nil); err != nil {
		return fmt.Errorf("set the organizer: %w", err)
	}
	tpls, err := api.Templates(ctx)
	if err != nil || len(tpls) == 0 {
		return fmt.Errorf("list templates: %v (%d)", err, len(tpls))
	}
	started := time.Now()
	past := *n / 5
	for i := range *n {
		in := interviews.NewInterview{TemplateID: tpls[i%len(tpls)].ID, Position: position[i%len(position)],
			CandidateName:  fmt.Sprintf("%s %s %d", first[i%len(first)], last[(i/len(first))%len(last)], i),
			CandidateEmail: fmt.Sprintf("candidate%05d@example.com", i), Campaign: campaign[i%len(campaign)],
			When: interviews.Later, TimeZone: "Europe/Berlin"}
		// Past ones start within the 200 days before now, scheduled with
		// the clock set back 200 days; the others within the next year.
		at := time.Duration(1+(i*37)%(200*24)) * time.Hour
		offset.Store(0)
		if i < past {
			offset.Store(int64(200 * 24 * time.Hour))
		} else {
			at = time.Duration(1+(i*53)%(365*24)) * time.Hour
		}
		in.StartsAt = now().Add(at).Truncate(time.Minute).Format(time.RFC3339)
		iv, err := api.CreateInterview(ctx, in)
		if err != nil {
			return fmt.Errorf("interview %d: %w", i, err)
		}
		if i >= past && i%20 == 0 {
			if _, err := api.CancelInterview(ctx, iv.ID); err != nil {
				return fmt.Errorf("cancel interview %d: %w", i, err)
			}
		}
		if (i+1)%1000 == 0 {
			fmt.Fprintf(os.Stderr, "seed: %d interviews (%v)\n", i+1, time.Since(started).Round(time.Second))
		}
	}
	return nil
}
