package transcribe

import (
	"context"
	"fmt"
	"os"
)

// Convert decodes the audio of a recording (a WebM track from package
// media, or anything ffmpeg reads) into wavOut as 16 kHz mono 16-bit PCM
// WAV, the form every Engine reads. wavOut appears only when complete.
func Convert(ctx context.Context, in, wavOut string) error {
	_, err := decode(ctx, in, wavOut, "anull")
	return err
}

// Prepare is Convert and Speech in one pass: the recording is decoded once,
// written to wavOut and its voice activity measured on the same samples
// (the ones the engine reads), with one ffmpeg run instead of two.
func Prepare(ctx context.Context, in, wavOut string) ([]Span, error) {
	// asetpts times the samples by their count, as they lie in the WAV file.
	log, err := decode(ctx, in, wavOut, fmt.Sprintf("aformat=sample_fmts=s16:sample_rates=%d:channel_layouts=mono,asetpts=N/SR/TB,%s",
		sampleRate, silenceFilter()))
	if err != nil {
		return nil, err
	}
	info, err := readWAV(wavOut)
	if err != nil {
		return nil, err
	}
	return spokenSpans(log, info.duration), nil
}

// decode writes in's audio through filter to wavOut and returns ffmpeg's log.
func decode(ctx context.Context, in, wavOut, filter string) ([]byte, error) {
	prog, err := ffmpeg.path()
	if err != nil {
		return nil, err
	}
	tmp := wavOut + ".tmp"
	log, err := run(ctx, prog, "-nostdin", "-hide_banner", "-nostats", "-y", "-i", in,
		"-vn", "-af", filter, "-ac", "1", "-ar", fmt.Sprint(sampleRate), "-c:a", "pcm_s16le",
		"-map_metadata", "-1", "-fflags", "+bitexact", "-f", "wav", tmp)
	if err != nil {
		_ = os.Remove(tmp)
		if ctx.Err() != nil {
			return nil, fmt.Errorf("convert %s: %w", in, err)
		}
		return nil, fmt.Errorf("%w: convert %s: %w", ErrInvalid, in, err)
	}
	if err := os.Rename(tmp, wavOut); err != nil {
		_ = os.Remove(tmp)
		return nil, fmt.Errorf("convert %s: %w", in, err)
	}
	return log, nil
}
