package media

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/at-wat/ebml-go"
	"github.com/at-wat/ebml-go/webm"
)

// TestWebMWriterRoundTrip reads what webmWriter writes with ebml-go's own
// parser: every frame is there once, in order, with its time and keyframe
// flag; video clusters start at keyframes and every cluster within
// maxClusterMS; sizes of every length encode right.
func TestWebMWriterRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.webm")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	track := webm.TrackEntry{Name: "camera", TrackNumber: trackNumber, TrackUID: 7, CodecID: "V_VP8", TrackType: 1,
		Video: &webm.Video{PixelWidth: 320, PixelHeight: 240}}
	now := time.Now()
	w, err := newWebMWriter(f, &webm.Info{TimecodeScale: 1000000, MuxingApp: "t", WritingApp: "t"}, track, now)
	if err != nil {
		t.Fatal(err)
	}
	type frame struct {
		key  bool
		ms   int64
		data []byte
	}
	var frames []frame
	for i := range 400 {
		// Sizes around each EBML size boundary (126/127, 16382/16383) and
		// a long stretch without keyframes (a cluster must still end).
		size := []int{1, 122, 123, 124, 16378, 16379, 16380, 3000}[i%8]
		data := bytes.Repeat([]byte{byte(i)}, size)
		frames = append(frames, frame{key: i%100 == 0 || i == 7, ms: int64(i) * 33, data: data})
	}
	for _, fr := range frames {
		now = now.Add(33 * time.Millisecond)
		if err := w.frame(fr.key, fr.ms, fr.data, now); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.close(now); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(raw)) != w.size() {
		t.Errorf("file has %d bytes, the writer counted %d", len(raw), w.size())
	}
	var doc struct {
		Header  webm.EBMLHeader `ebml:"EBML"`
		Segment webm.Segment    `ebml:"Segment"`
	}
	if err := ebml.Unmarshal(bytes.NewReader(raw), &doc); err != nil {
		t.Fatalf("ebml-go cannot read the file: %v", err)
	}
	if doc.Header.DocType != "webm" || len(doc.Segment.Tracks.TrackEntry) != 1 || doc.Segment.Tracks.TrackEntry[0].CodecID != "V_VP8" {
		t.Errorf("header %+v, tracks %+v", doc.Header, doc.Segment.Tracks)
	}
	i := 0
	for _, c := range doc.Segment.Cluster {
		for j, b := range c.SimpleBlock {
			if i >= len(frames) {
				t.Fatalf("more blocks than frames")
			}
			fr := frames[i]
			ms := int64(c.Timecode) + int64(b.Timecode)
			if ms != fr.ms || b.Keyframe != fr.key || b.TrackNumber != trackNumber || len(b.Data) != 1 || !bytes.Equal(b.Data[0], fr.data) {
				t.Errorf("block %d: at %d ms key %v track %d, %d bytes; want frame at %d ms key %v, %d bytes",
					i, ms, b.Keyframe, b.TrackNumber, len(b.Data[0]), fr.ms, fr.key, len(fr.data))
			}
			if int64(b.Timecode) >= maxClusterMS {
				t.Errorf("block %d is %d ms into its cluster (max %d)", i, b.Timecode, maxClusterMS)
			}
			if fr.key && j != 0 {
				t.Errorf("keyframe %d is not the first block of its cluster", i)
			}
			i++
		}
	}
	if i != len(frames) {
		t.Errorf("%d blocks, want %d", i, len(frames))
	}
}
