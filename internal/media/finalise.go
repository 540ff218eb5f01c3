package media

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

const ffmpegTimeout = 2 * time.Minute

// finalise remuxes a closed recording with ffmpeg so it carries its duration
// and cues (players can seek), replacing the file atomically, then measures
// it with ffprobe. Without ffmpeg the file stays as written: playable, not
// seekable.
func (s *SFU) finalise(rec Recording) (Recording, error) {
	s.finaliseSlots <- struct{}{}
	defer func() { <-s.finaliseSlots }()
	rec.Active = false
	if s.cfg.FFmpeg == "" {
		s.recordings.put(rec, 0)
		return rec, fmt.Errorf("%w %s: ffmpeg not installed", ErrFinalise, rec.Path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), ffmpegTimeout)
	defer cancel()
	tmp := rec.Path + ".tmp"
	cmd := exec.CommandContext(ctx, s.cfg.FFmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
		"-i", rec.Path, "-map", "0", "-c", "copy", "-f", "webm", tmp)
	if out, err := cmd.CombinedOutput(); err != nil {
		_ = os.Remove(tmp)
		s.recordings.put(rec, 0)
		return rec, fmt.Errorf("%w %s: ffmpeg: %w: %s", ErrFinalise, rec.Path, err, strings.TrimSpace(string(out)))
	}
	if err := syncFile(tmp); err != nil {
		_ = os.Remove(tmp)
		return rec, fmt.Errorf("%w %s: %w", ErrFinalise, rec.Path, err)
	}
	if err := os.Rename(tmp, rec.Path); err != nil {
		_ = os.Remove(tmp)
		return rec, fmt.Errorf("%w %s: %w", ErrFinalise, rec.Path, err)
	}
	_ = os.Remove(rec.Path + partSuffix)
	rec.Finalised = true
	if p, err := s.probe(ctx, rec.Path); err == nil {
		rec.Duration, rec.Codec, rec.Kind = p.duration, p.codec, p.kind
	} else {
		s.log.Warn("probe recording", "path", rec.Path, "err", err)
	}
	if fi, err := os.Stat(rec.Path); err == nil {
		rec.Bytes = fi.Size()
	}
	s.recordings.put(rec, rec.Bytes)
	return rec, nil
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	serr := f.Sync()
	return errors.Join(serr, f.Close())
}

type probeResult struct {
	duration  time.Duration
	codec     string
	kind      Kind
	finalised bool // the container states its duration
}

// probe asks ffprobe for a file's codec and duration. A file cut off by a
// crash has no duration in its header: then the last packet's end time is
// the duration.
func (s *SFU) probe(ctx context.Context, path string) (probeResult, error) {
	if s.cfg.FFprobe == "" {
		return probeResult{}, fmt.Errorf("%w: ffprobe not installed", ErrFinalise)
	}
	out, err := exec.CommandContext(ctx, s.cfg.FFprobe, "-v", "error",
		"-show_entries", "format=duration:stream=codec_name,codec_type", "-of", "json", path).Output()
	if err != nil {
		return probeResult{}, fmt.Errorf("ffprobe %s: %w", path, err)
	}
	var res struct {
		Streams []struct {
			CodecName string `json:"codec_name"`
			CodecType string `json:"codec_type"`
		} `json:"streams"`
		Format struct {
			Duration string `json:"duration"`
		} `json:"format"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return probeResult{}, fmt.Errorf("ffprobe %s: %w", path, err)
	}
	var p probeResult
	if len(res.Streams) > 0 {
		p.codec = res.Streams[0].CodecName
		p.kind = Kind(res.Streams[0].CodecType)
	}
	if d, err := strconv.ParseFloat(res.Format.Duration, 64); err == nil {
		p.duration = time.Duration(d * float64(time.Second))
		p.finalised = true
		return p, nil
	}
	// No duration in the header: read the packets' end times.
	out, err = exec.CommandContext(ctx, s.cfg.FFprobe, "-v", "error", "-select_streams", "0",
		"-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0", path).Output()
	if err != nil {
		return p, fmt.Errorf("ffprobe packets %s: %w", path, err)
	}
	for line := range strings.Lines(string(out)) {
		f := strings.Split(strings.TrimSpace(line), ",")
		pts, err := strconv.ParseFloat(f[0], 64)
		if err != nil {
			continue
		}
		if len(f) > 1 {
			if d, err := strconv.ParseFloat(f[1], 64); err == nil {
				pts += d
			}
		}
		if d := time.Duration(pts * float64(time.Second)); d > p.duration {
			p.duration = d
		}
	}
	return p, nil
}

// Recordings lists the room's recordings on disk, oldest name first: those
// being written (Active), finalised ones, and any left by an earlier run.
func (s *SFU) Recordings(room string) ([]Recording, error) {
	if s.cfg.RecordDir == "" {
		return nil, nil
	}
	if err := checkID("room", room); err != nil {
		return nil, err
	}
	dir := filepath.Join(s.cfg.RecordDir, fileSafe(room))
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list recordings of %s: %w", room, err)
	}
	var out []Recording
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".webm") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if rec, ok := s.recordings.get(path, fi.Size()); ok {
			out = append(out, rec)
			continue
		}
		rec, ok := parseRecordingName(path)
		if !ok {
			continue
		}
		rec.Room = room
		rec.Bytes = fi.Size()
		ctx, cancel := context.WithTimeout(context.Background(), ffmpegTimeout)
		if p, err := s.probe(ctx, path); err == nil {
			rec.Duration, rec.Codec, rec.Kind, rec.Finalised = p.duration, p.codec, p.kind, p.finalised
		}
		cancel()
		if _, err := os.Stat(path + partSuffix); err == nil {
			rec.Finalised = false
		}
		s.recordings.put(rec, rec.Bytes)
		out = append(out, rec)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// parseRecordingName reads <participant>-<source>-<n>.webm.
func parseRecordingName(path string) (Recording, bool) {
	name := strings.TrimSuffix(filepath.Base(path), ".webm")
	i := strings.LastIndexByte(name, '-')
	if i <= 0 {
		return Recording{}, false
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return Recording{}, false
	}
	rest := name[:i]
	for _, src := range []Source{SourceScreenAudio, SourceCamera, SourceMicrophone, SourceScreen} {
		if p, ok := strings.CutSuffix(rest, "-"+string(src)); ok && p != "" {
			kind := KindVideo
			if src == SourceMicrophone || src == SourceScreenAudio {
				kind = KindAudio
			}
			return Recording{Path: path, Participant: p, Source: src, Kind: kind}, true
		}
	}
	return Recording{}, false
}

// recoverRecordings finalises files that a crash left unfinished (their
// .part marker is still there) and removes half-written remux outputs.
func (s *SFU) recoverRecordings() {
	markers, _ := filepath.Glob(filepath.Join(s.cfg.RecordDir, "*", "*.webm"+partSuffix))
	tmps, _ := filepath.Glob(filepath.Join(s.cfg.RecordDir, "*", "*.webm.tmp"))
	for _, t := range tmps {
		_ = os.Remove(t)
	}
	for _, m := range markers {
		path := strings.TrimSuffix(m, partSuffix)
		if fi, err := os.Stat(m); err != nil || !fi.ModTime().Before(s.startedAt) || s.recordings.isActive(path) {
			continue // written by this run
		}
		rec, ok := parseRecordingName(path)
		if !ok {
			continue
		}
		if _, err := os.Stat(path); err != nil {
			_ = os.Remove(m)
			continue
		}
		rec.Room = filepath.Base(filepath.Dir(path))
		if _, err := s.finalise(rec); err != nil {
			s.log.Warn("recover recording", "path", path, "err", err)
			continue
		}
		s.log.Info("recovered recording cut off by a restart", "path", path)
	}
}

// recordingIndex caches what is known about recording files, keyed by path,
// so Recordings runs ffprobe only for files it has not seen.
type recordingIndex struct {
	mu   sync.Mutex
	recs map[string]indexed
}

type indexed struct {
	rec  Recording
	size int64 // file size when rec was measured; 0 for live entries
}

func newRecordingIndex() *recordingIndex {
	return &recordingIndex{recs: make(map[string]indexed)}
}

func (x *recordingIndex) put(rec Recording, size int64) {
	x.mu.Lock()
	x.recs[rec.Path] = indexed{rec: rec, size: size}
	x.mu.Unlock()
}

// get returns the cached entry if it is live or still matches the file.
func (x *recordingIndex) get(path string, size int64) (Recording, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	e, ok := x.recs[path]
	if !ok || (!e.rec.Active && e.size != size) {
		return Recording{}, false
	}
	return e.rec, true
}

func (x *recordingIndex) isActive(path string) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.recs[path].rec.Active
}

func (x *recordingIndex) drop(path string) {
	x.mu.Lock()
	delete(x.recs, path)
	x.mu.Unlock()
}

// dropUnder forgets every recording in dir.
func (x *recordingIndex) dropUnder(dir string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for path := range x.recs {
		if filepath.Dir(path) == dir {
			delete(x.recs, path)
		}
	}
}
