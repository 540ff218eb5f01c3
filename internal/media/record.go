package media

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/at-wat/ebml-go/webm"
	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
)

// Recording is one recorded track: a WebM file with one VP8, VP9 or Opus
// track.
type Recording struct {
	Path        string        `json:"path"`
	Room        string        `json:"room"`
	Participant string        `json:"participant"` // as in the file name
	Source      Source        `json:"source"`
	Kind        Kind          `json:"kind"`
	Codec       string        `json:"codec"` // "vp8", "vp9", "opus"
	Bytes       int64         `json:"bytes"`
	Duration    time.Duration `json:"duration"`
	// Started is the wall-clock time of the first recorded frame (zero for
	// files from before a restart), to line tracks up with each other.
	Started time.Time `json:"started,omitzero"`
	// Active: still being written. Finalised: remuxed with duration and cues,
	// so players can seek. A file that is neither was cut off by a crash and
	// is playable up to that point (Start finalises such files).
	Active    bool `json:"active"`
	Finalised bool `json:"finalised"`
}

const (
	recordQueue       = 1024 // packets buffered between forwarder and recorder
	videoMaxLate      = 512  // packets the frame assembler waits for a late one
	audioMaxLate      = 64
	partSuffix        = ".part" // marker beside a file still being written
	maxClusterMS      = 5000
	indexUpdateEvery  = time.Second
	keyframeAskPeriod = time.Second
)

// recorder writes one track to WebM. The forwarder hands it packet copies
// through a buffered channel (dropping when the disk falls behind, never
// stalling forwarding); its goroutine reorders them into frames
// (frameAssembler) and appends them to the file (webmWriter), which is
// playable up to a quarter of a second ago at any moment.
type recorder struct {
	room      *Room
	info      TrackInfo
	codec     webrtc.RTPCodecParameters
	clockRate uint32
	keyframe  func()
	in        chan *rtp.Packet
	quit      chan struct{} // closed by stop
	discard   atomic.Bool   // stop deletes the file instead of finalising it
	pool      sync.Pool
	dropped   atomic.Uint64
	stopOnce  sync.Once

	// Owned by run.
	w         *webmWriter
	rec       Recording
	failed    bool
	haveTS    bool
	lastTS    uint32
	ext       int64
	lastMS    int64
	lastDur   time.Duration
	lastAsk   time.Time
	lastIndex time.Time
}

func newRecorder(room *Room, info TrackInfo, codec webrtc.RTPCodecParameters, keyframe func()) (*recorder, error) {
	switch info.Codec {
	case "vp8", "vp9", "opus":
	default:
		return nil, fmt.Errorf("%w: cannot record codec %q", ErrInvalid, info.Codec)
	}
	r := &recorder{
		room:      room,
		info:      info,
		codec:     codec,
		clockRate: codec.ClockRate,
		keyframe:  keyframe,
		in:        make(chan *rtp.Packet, recordQueue),
		quit:      make(chan struct{}),
	}
	r.pool.New = func() any { return new(rtp.Packet) }
	room.recorders.Add(1)
	go r.run()
	return r, nil
}

// push queues a copy of pkt (forwarder goroutine). After stop, what is
// pushed is never read: the forwarder may still hold the recorder for a
// packet or two after the room's recording was switched off.
func (r *recorder) push(pkt *rtp.Packet) {
	c := r.pool.Get().(*rtp.Packet)
	payload := append(c.Payload[:0], pkt.Payload...)
	c.Header = pkt.Header
	c.Header.CSRC = nil
	c.Header.Extensions = nil
	c.Payload = payload
	c.PaddingSize = pkt.PaddingSize
	select {
	case r.in <- c:
	default:
		r.dropped.Add(1)
		r.pool.Put(c)
	}
}

// stop ends the input; the recorder then writes what is queued, closes the
// file and finalises it, or with discard deletes it.
func (r *recorder) stop(discard bool) {
	if discard {
		r.discard.Store(true)
	}
	r.stopOnce.Do(func() { close(r.quit) })
}

func (r *recorder) run() {
	defer r.room.recorders.Done()
	var depack rtp.Depacketizer
	maxLate := uint16(videoMaxLate)
	switch r.info.Codec {
	case "vp8":
		vp8 := &codecs.VP8Packet{}
		vp8.SetZeroAllocation(true)
		depack = vp8
	case "vp9":
		vp9 := &codecs.VP9Packet{}
		vp9.SetZeroAllocation(true)
		depack = vp9
	default:
		depack = &codecs.OpusPacket{}
		maxLate = audioMaxLate
	}
	frames := newFrameAssembler(depack, maxLate, func(p *rtp.Packet) { r.pool.Put(p) })
	idle := time.NewTicker(flushEvery)
	defer idle.Stop()
	for r.take(frames, idle.C) {
	}
	for f := frames.flush(); f != nil; f = frames.flush() {
		r.write(f)
	}
	r.finish()
}

// take writes the next queued packet's frames; false once stopped and
// everything queued until then is written. While no packet comes, what the
// file writer holds is written out every flushEvery.
func (r *recorder) take(frames *frameAssembler, idle <-chan time.Time) bool {
	var pkt *rtp.Packet
	select {
	case pkt = <-r.in:
	case now := <-idle:
		if r.w != nil && !r.failed {
			if err := r.w.flush(now); err != nil {
				r.fail(err)
			}
		}
		return true
	case <-r.quit:
		select {
		case pkt = <-r.in:
		default:
			return false
		}
	}
	frames.push(pkt)
	for f := frames.pop(); f != nil; f = frames.pop() {
		r.write(f)
	}
	return true
}

func (r *recorder) write(f *assembledFrame) {
	if r.failed || r.discard.Load() {
		return
	}
	key, width, height := true, 0, 0
	switch r.info.Codec {
	case "vp8":
		key, width, height = vp8Keyframe(f.data)
	case "vp9":
		key, width, height = vp9Keyframe(f.data)
	}
	if r.w == nil {
		if !key {
			// A file must start with a keyframe: ask, and drop until then.
			if now := time.Now(); now.Sub(r.lastAsk) >= keyframeAskPeriod {
				r.lastAsk = now
				r.keyframe()
			}
			return
		}
		if err := r.open(width, height); err != nil {
			r.fail(err)
			return
		}
	}
	before := r.lastMS
	ms := r.timestamp(f.timestamp)
	r.lastDur = time.Duration(ms-before) * time.Millisecond // the next frame's, about
	now := time.Now()
	if err := r.w.frame(key, ms, f.data, now); err != nil {
		r.fail(err)
		return
	}
	if now.Sub(r.lastIndex) >= indexUpdateEvery {
		r.lastIndex = now
		r.updateIndex()
	}
}

// timestamp turns an RTP timestamp into milliseconds since the file's first
// frame, unwrapping the 32-bit counter and never going backwards.
func (r *recorder) timestamp(ts uint32) int64 {
	if !r.haveTS {
		r.haveTS = true
		r.lastTS = ts
		return 0
	}
	r.ext += int64(int32(ts - r.lastTS))
	r.lastTS = ts
	ms := r.ext * 1000 / int64(r.clockRate)
	if ms < r.lastMS {
		ms = r.lastMS
	}
	r.lastMS = ms
	return ms
}

func (r *recorder) open(width, height int) error {
	path, f, err := r.room.createRecordingFile(r.info)
	if err != nil {
		return err
	}
	track := webm.TrackEntry{Name: string(r.info.Source), TrackNumber: trackNumber, TrackUID: uint64(time.Now().UnixNano())&0xffffffff | 1}
	switch r.info.Codec {
	case "opus":
		track.CodecID = "A_OPUS"
		track.TrackType = 2
		track.CodecPrivate = opusHead(r.codec.Channels)
		track.Audio = &webm.Audio{SamplingFrequency: 48000, Channels: uint64(max(r.codec.Channels, 1))}
	default:
		track.CodecID = "V_" + strings.ToUpper(r.info.Codec)
		track.TrackType = 1
		track.Video = &webm.Video{PixelWidth: uint64(width), PixelHeight: uint64(height)}
	}
	info := &webm.Info{TimecodeScale: 1000000, MuxingApp: "InterviewDesk", WritingApp: "InterviewDesk"}
	if r.w, err = newWebMWriter(f, info, track, time.Now()); err != nil {
		_ = f.Close()
		return fmt.Errorf("webm writer %s: %w", path, err)
	}
	r.rec = Recording{
		Path: path, Room: r.room.id, Participant: fileSafe(r.info.ParticipantID), Source: r.info.Source,
		Kind: r.info.Kind, Codec: r.info.Codec, Started: r.room.sfu.cfg.Now(), Active: true,
	}
	r.updateIndex()
	return nil
}

func (r *recorder) updateIndex() {
	r.rec.Bytes = r.w.size()
	r.rec.Duration = time.Duration(r.lastMS)*time.Millisecond + r.lastDur
	r.room.sfu.recordings.put(r.rec, 0)
}

func (r *recorder) fail(err error) {
	r.failed = true
	r.room.sfu.log.Warn("recording stopped", "room", r.room.id, "track", r.info.TrackID, "err", err)
	r.room.sfu.emit(Event{Type: EventError, Room: r.room.id, Track: &r.info, Err: fmt.Errorf("record %s: %w", r.info.TrackID, err)})
}

// finish closes the file and finalises it.
func (r *recorder) finish() {
	if n := r.dropped.Load(); n > 0 {
		r.room.sfu.log.Warn("recording dropped packets (disk too slow)", "track", r.info.TrackID, "packets", n)
	}
	if r.w == nil {
		return // nothing was recorded (no keyframe ever came)
	}
	werr := r.w.close(time.Now())
	if r.discard.Load() {
		r.room.sfu.recordings.drop(r.rec.Path)
		if err := removeRecording(r.rec.Path); err != nil {
			r.room.sfu.log.Warn("recording not deleted", "path", r.rec.Path, "err", err)
		}
		return
	}
	r.updateIndex()
	r.rec.Active = false
	if werr != nil {
		r.room.sfu.log.Warn("recording not finalised", "path", r.rec.Path, "err", werr)
		r.room.sfu.recordings.put(r.rec, 0)
		return
	}
	rec, err := r.room.sfu.finalise(r.rec)
	if err != nil {
		r.room.sfu.log.Warn("recording not finalised", "path", r.rec.Path, "err", err)
	}
	r.room.sfu.emit(Event{Type: EventRecordingFinalised, Room: r.room.id, Participant: ParticipantInfo{ID: r.info.ParticipantID, Name: r.info.ParticipantName},
		Track: &r.info, Recording: &rec, Err: err})
}

// createRecordingFile creates <RecordDir>/<room>/<participant>-<source>-<n>.webm
// with the lowest n not taken, and the .part marker beside it.
func (r *Room) createRecordingFile(info TrackInfo) (string, *os.File, error) {
	dir := filepath.Join(r.sfu.cfg.RecordDir, fileSafe(r.id))
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", nil, fmt.Errorf("recording folder: %w", err)
	}
	base := fileSafe(info.ParticipantID) + "-" + string(info.Source) + "-"
	for n := 1; n < 10000; n++ {
		path := filepath.Join(dir, fmt.Sprintf("%s%d.webm", base, n))
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", nil, fmt.Errorf("create recording: %w", err)
		}
		if err := os.WriteFile(path+partSuffix, nil, 0o640); err != nil {
			_ = f.Close()
			return "", nil, fmt.Errorf("create recording marker: %w", err)
		}
		return path, f, nil
	}
	return "", nil, fmt.Errorf("%w: too many recordings named %s*", ErrInvalid, base)
}

// opusHead is the Opus identification header WebM carries as CodecPrivate
// (RFC 7845 section 5.1): no pre-skip, so timestamps map 1:1.
func opusHead(channels uint16) []byte {
	if channels == 0 {
		channels = 2
	}
	h := make([]byte, 19)
	copy(h, "OpusHead")
	h[8] = 1
	h[9] = byte(channels)
	binary.LittleEndian.PutUint16(h[10:], 0)
	binary.LittleEndian.PutUint32(h[12:], 48000)
	return h
}
