package media

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/at-wat/ebml-go"
	"github.com/at-wat/ebml-go/webm"
)

// webmWriter writes one track's WebM file as it is recorded: the header once
// (EBML header, then a Segment of unknown size with Info and Tracks), then
// Clusters of unknown size holding SimpleBlocks, as a live stream is written
// (Matroska elements: https://www.matroska.org/technical/elements.html). The
// file is valid wherever it is cut off; the finalising remux adds the
// duration and cues.
//
// Blocks are encoded by hand into one buffer and written to the file at
// least every flushEvery (and at each new cluster), not one write per
// element: so a crash loses at most that much of what was recorded.
type webmWriter struct {
	f       *os.File
	buf     []byte
	written int64
	err     error // the first write error: nothing is written after it
	// cluster starts new clusters: at each keyframe for video, at the latest
	// after maxClusterMS.
	keyCluster bool
	inCluster  bool
	clusterMS  int64
	flushed    time.Time
}

const (
	flushEvery = 250 * time.Millisecond
	flushBytes = 64 << 10 // flush earlier when this much waits

	idCluster     = 0x1F43B675
	idTimecode    = 0xE7
	idSimpleBlock = 0xA3
	trackNumber   = 1
)

// unknownSize is the 8-byte EBML size meaning "until the parent ends".
var unknownSize = []byte{0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}

// newWebMWriter writes the header for track to f. Video starts a cluster at
// every keyframe.
func newWebMWriter(f *os.File, info *webm.Info, track webm.TrackEntry, now time.Time) (*webmWriter, error) {
	header := struct {
		Header  webm.EBMLHeader `ebml:"EBML"`
		Segment struct {
			Info   webm.Info   `ebml:"Info"`
			Tracks webm.Tracks `ebml:"Tracks"`
		} `ebml:"Segment,size=unknown"`
	}{Header: *webm.DefaultEBMLHeader}
	header.Segment.Info = *info
	header.Segment.Tracks.TrackEntry = []webm.TrackEntry{track}
	var b bytes.Buffer
	if err := ebml.Marshal(&header, &b); err != nil {
		return nil, fmt.Errorf("webm header: %w", err)
	}
	w := &webmWriter{f: f, buf: b.Bytes(), keyCluster: track.TrackType == 1, flushed: now}
	if err := w.flush(now); err != nil {
		return nil, err
	}
	return w, nil
}

// frame appends one frame at ms (milliseconds since the file's start, never
// decreasing) and writes what waits when it is time.
func (w *webmWriter) frame(key bool, ms int64, data []byte, now time.Time) error {
	if w.err != nil {
		return w.err
	}
	if !w.inCluster || ms-w.clusterMS >= maxClusterMS || (w.keyCluster && key) {
		if err := w.flush(now); err != nil {
			return err
		}
		w.inCluster, w.clusterMS = true, ms
		w.buf = appendID(w.buf, idCluster)
		w.buf = append(w.buf, unknownSize...)
		w.buf = appendUint(w.buf, idTimecode, uint64(ms))
	}
	flags := byte(0)
	if key {
		flags = 0x80
	}
	rel := int16(ms - w.clusterMS) // < maxClusterMS, which fits
	w.buf = appendID(w.buf, idSimpleBlock)
	w.buf = appendSize(w.buf, uint64(4+len(data)))
	w.buf = append(w.buf, 0x80|trackNumber, byte(uint16(rel)>>8), byte(rel), flags)
	w.buf = append(w.buf, data...)
	if len(w.buf) >= flushBytes || now.Sub(w.flushed) >= flushEvery {
		return w.flush(now)
	}
	return nil
}

// flush writes what waits.
func (w *webmWriter) flush(now time.Time) error {
	if w.err != nil {
		return w.err
	}
	w.flushed = now
	if len(w.buf) == 0 {
		return nil
	}
	n, err := w.f.Write(w.buf)
	w.written += int64(n)
	w.buf = w.buf[:0]
	if err != nil {
		w.err = fmt.Errorf("write recording: %w", err)
	}
	return w.err
}

// size is the file's size once what waits is written.
func (w *webmWriter) size() int64 { return w.written + int64(len(w.buf)) }

// close writes what waits, syncs and closes the file.
func (w *webmWriter) close(now time.Time) error {
	ferr := w.flush(now)
	serr := w.f.Sync()
	cerr := w.f.Close()
	return errors.Join(ferr, serr, cerr)
}

// appendID appends an element ID (its marker bits are part of it).
func appendID(b []byte, id uint32) []byte {
	switch {
	case id >= 1<<24:
		return append(b, byte(id>>24), byte(id>>16), byte(id>>8), byte(id))
	case id >= 1<<16:
		return append(b, byte(id>>16), byte(id>>8), byte(id))
	case id >= 1<<8:
		return append(b, byte(id>>8), byte(id))
	}
	return append(b, byte(id))
}

// appendSize appends an element data size as the shortest EBML variable-size
// integer (all ones is reserved for "unknown", so each length holds one less).
func appendSize(b []byte, n uint64) []byte {
	length := 1
	for length < 8 && n >= 1<<(7*length)-1 {
		length++
	}
	v := n | 1<<(7*length) // the length marker bit
	for i := length - 1; i >= 0; i-- {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}

// appendUint appends an unsigned-integer element in as few bytes as it needs.
func appendUint(b []byte, id uint32, v uint64) []byte {
	n := 1
	for n < 8 && v >= 1<<(8*n) {
		n++
	}
	b = appendID(b, id)
	b = appendSize(b, uint64(n))
	for i := n - 1; i >= 0; i-- {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}
