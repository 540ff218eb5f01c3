// Package transcribe turns each participant's recorded audio track into
// timed, speaker-labelled text, and measures talk time.
//
// # Basics
//
// Every participant's microphone is its own recording (package media), so
// no diarization is needed: each track is transcribed alone and the lines
// are merged on the wall clock.
//
//	eng, err := transcribe.NewSphinx(transcribe.SphinxConfig{}) // or NewOpenAI(...)
//	recs, _ := sfu.Recordings(roomID)
//	tracks := transcribe.TracksFrom(recs, func(r media.Recording) (transcribe.Speaker, bool) { … })
//	t, err := transcribe.Build(ctx, eng, tracks, "en")
//	questions := transcribe.Split(t, windows) // lines and talk time per question
//
// Build converts each track to 16 kHz mono WAV and finds its spoken spans
// in the same ffmpeg pass (Prepare: Convert and Speech, ffmpeg's
// silencedetect, no model), and hands both to the Engine. Talk time comes
// from the spoken spans, so it is there whatever the engine recognised.
//
// # Engines
//
// Sphinx is the offline default: CMU PocketSphinx as Debian ships it
// (packages pocketsphinx and pocketsphinx-en-us; the 0.8+5prealpha
// pocketsphinx_batch program, not the 5.x "pocketsphinx" one). Each spoken
// span is decoded as one utterance with its own cepstral mean, several
// decoders sharing a long track; its search keeps at most 10 word exits per
// frame, somewhat less CPU than pocketsphinx's default for the same words
// (see searchLimits). Its KeywordSpot finds given key terms with
// pocketsphinx's keyword-spotting search (-kws), an extra signal beside the
// poor transcript. OpenAI uploads each track to an
// OpenAI-compatible /v1/audio/transcriptions endpoint (a whisper.cpp or
// faster-whisper server the user runs, or the OpenAI API).
//
// # Caveats
//
//   - PocketSphinx's US English model gets many words wrong (roughly a
//     third on natural read speech, most of them on synthetic voices);
//     Engine.Quality says so for the reader.
//   - Voice activity is loudness: a noisy room or cross-talk picked up by a
//     microphone counts as speech of that track's speaker.
//   - Tracks whose start time is unknown (recordings from before a restart)
//     cannot be placed on the clock and are left out by TracksFrom.
package transcribe
