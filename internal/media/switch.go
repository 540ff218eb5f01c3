package media

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// SetRecording switches the recording of a room's tracks on or off; rooms
// record by default. Off stops every recording of the room at once (each
// file is closed and finalised in the background, as when its track ends)
// and records no track, published before or after, until the switch is on
// again; on records every track of the room again, each in a new file from
// its next keyframe. The switch belongs to the room's ID: it holds across
// Room.Close and a room created later, for as long as the SFU runs (a host
// that restarts switches it again before anyone joins).
func (s *SFU) SetRecording(room string, on bool) {
	s.switchRecording(room, on, false)
}

// RecordingOn reports whether the room's tracks are recorded (the switch of
// SetRecording; on unless switched off).
func (s *SFU) RecordingOn(room string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.notRecorded[room]
}

// DiscardRecordings switches the room's recording off (SetRecording(room,
// false)) and deletes every file recorded for it so far. It waits until the
// room's recordings being written or finalised have stopped, so none comes
// back; ctx bounds that wait.
func (s *SFU) DiscardRecordings(ctx context.Context, room string) error {
	if err := checkID("room", room); err != nil {
		return err
	}
	if r := s.switchRecording(room, false, true); r != nil {
		if err := waitGroup(ctx, &r.recorders); err != nil {
			return fmt.Errorf("discard recordings of %s: wait for them to stop: %w", room, err)
		}
	}
	if s.cfg.RecordDir == "" {
		return nil
	}
	dir := RoomFolder(s.cfg.RecordDir, room)
	s.recordings.dropUnder(dir)
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("discard recordings of %s: %w", room, err)
	}
	return nil
}

// RoomFolder is the folder under dir (a Config.RecordDir) that holds room's
// recordings.
func RoomFolder(dir, room string) string { return filepath.Join(dir, fileSafe(room)) }

// switchRecording sets the room's switch and applies it to the room if it
// exists (returned); the recordings it stops are deleted with discard.
func (s *SFU) switchRecording(id string, on, discard bool) *Room {
	s.mu.Lock()
	if on {
		delete(s.notRecorded, id)
	} else {
		s.notRecorded[id] = true
	}
	r := s.rooms[id]
	var stopped []*recorder
	if r != nil {
		stopped = r.setRecording(on)
	}
	s.mu.Unlock()
	for _, rec := range stopped {
		rec.stop(discard)
	}
	if len(stopped) > 0 {
		s.log.Info("recording switched off", "room", id, "stopped", len(stopped), "discarded", discard)
	}
	return r
}

// waitGroup waits for wg, or until ctx ends.
func waitGroup(ctx context.Context, wg *sync.WaitGroup) error {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// removeRecording deletes a recording with its marker and any half-written
// remux output.
func removeRecording(path string) error {
	var first error
	for _, p := range []string{path, path + partSuffix, path + ".tmp"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) && first == nil {
			first = err
		}
	}
	return first
}
