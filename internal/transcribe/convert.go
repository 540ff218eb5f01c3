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
	prog, err := ffmpeg.path()
	if err != nil {
		return err
	}
	tmp := wavOut + ".tmp"
	_, err = run(ctx, prog, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", in,
		"-vn", "-ac", "1", "-ar", fmt.Sprint(sampleRate), "-c:a", "pcm_s16le",
		"-map_metadata", "-1", "-fflags", "+bitexact", "-f", "wav", tmp)
	if err != nil {
		_ = os.Remove(tmp)
		if ctx.Err() != nil {
			return fmt.Errorf("convert %s: %w", in, err)
		}
		return fmt.Errorf("%w: convert %s: %w", ErrInvalid, in, err)
	}
	if err := os.Rename(tmp, wavOut); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("convert %s: %w", in, err)
	}
	return nil
}
