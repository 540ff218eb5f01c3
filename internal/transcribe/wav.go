package transcribe

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"time"
)

// Sample format every engine here reads (what Convert writes).
const (
	sampleRate = 16000
	sampleSize = 2 // bytes: 16-bit signed little-endian PCM, mono
)

// wavInfo is what the engines need from a WAV file's header.
type wavInfo struct {
	dataOffset int64 // where the samples start
	duration   time.Duration
}

// readWAV checks that path is a 16 kHz mono 16-bit PCM WAV file and finds
// its samples (RIFF chunks; http://soundfile.sapp.org/doc/WaveFormat/).
func readWAV(path string) (wavInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return wavInfo{}, fmt.Errorf("%w: audio %s: %w", ErrInvalid, path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return wavInfo{}, fmt.Errorf("audio %s: %w", path, err)
	}
	info, err := parseWAV(f, fi.Size())
	if err != nil {
		return wavInfo{}, fmt.Errorf("%w: audio %s: %w", ErrInvalid, path, err)
	}
	return info, nil
}

func parseWAV(r io.ReadSeeker, size int64) (wavInfo, error) {
	var riff [12]byte
	if _, err := io.ReadFull(r, riff[:]); err != nil || string(riff[:4]) != "RIFF" || string(riff[8:]) != "WAVE" {
		return wavInfo{}, fmt.Errorf("not a WAV file")
	}
	pos, haveFormat := int64(12), false
	for {
		var hdr [8]byte
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return wavInfo{}, fmt.Errorf("no data chunk")
		}
		id, n := string(hdr[:4]), int64(binary.LittleEndian.Uint32(hdr[4:]))
		pos += 8
		switch id {
		case "fmt ":
			if err := checkFormat(r, n); err != nil {
				return wavInfo{}, err
			}
			haveFormat = true
		case "data":
			if !haveFormat {
				return wavInfo{}, fmt.Errorf("data before format chunk")
			}
			n = min(n, size-pos) // a streamed header may state 0xFFFFFFFF
			samples := n / sampleSize
			return wavInfo{dataOffset: pos, duration: time.Duration(samples) * time.Second / sampleRate}, nil
		}
		pos += n + n%2 // chunks are padded to even sizes
		if _, err := r.Seek(pos, io.SeekStart); err != nil {
			return wavInfo{}, err
		}
	}
}

func checkFormat(r io.Reader, n int64) error {
	if n < 16 {
		return fmt.Errorf("short format chunk")
	}
	var f [16]byte
	if _, err := io.ReadFull(r, f[:]); err != nil {
		return fmt.Errorf("format chunk: %w", err)
	}
	format := binary.LittleEndian.Uint16(f[0:])
	channels := binary.LittleEndian.Uint16(f[2:])
	rate := binary.LittleEndian.Uint32(f[4:])
	bits := binary.LittleEndian.Uint16(f[14:])
	if (format != 1 && format != 0xFFFE) || channels != 1 || rate != sampleRate || bits != 8*sampleSize {
		return fmt.Errorf("want 16 kHz mono 16-bit PCM, got format %d, %d channels, %d Hz, %d bits (see Convert)",
			format, channels, rate, bits)
	}
	return nil
}

// silentWAV is d of silence in the format engines read.
func silentWAV(d time.Duration) []byte {
	n := uint32(d * sampleRate / time.Second * sampleSize)
	out := make([]byte, 44+n)
	copy(out, "RIFF")
	binary.LittleEndian.PutUint32(out[4:], 36+n)
	copy(out[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(out[16:], 16)
	binary.LittleEndian.PutUint16(out[20:], 1) // PCM
	binary.LittleEndian.PutUint16(out[22:], 1) // mono
	binary.LittleEndian.PutUint32(out[24:], sampleRate)
	binary.LittleEndian.PutUint32(out[28:], sampleRate*sampleSize)
	binary.LittleEndian.PutUint16(out[32:], sampleSize)
	binary.LittleEndian.PutUint16(out[34:], 8*sampleSize)
	copy(out[36:], "data")
	binary.LittleEndian.PutUint32(out[40:], n)
	return out
}
