// Who speaks at a moment of the recording, from each person's voice
// activity (their own microphone's spoken stretches; offsets in ms from the
// interview's start), and the conversions between the recording's seconds
// and the interview's clock.

import type { CombinedRecording, SpeakerVoice } from '../api/analysis'
import { lastIndex } from '../playback/lastIndex'

/** The participants whose microphone carried speech at offset. */
export function speakingAt(voices: readonly SpeakerVoice[], offset: number): Set<string> {
  const out = new Set<string>()
  for (const v of voices) if (spokeAt(v, offset)) out.add(v.participant)
  return out
}

function spokeAt(v: SpeakerVoice, offset: number): boolean {
  // The last span that began at or before offset (spans are in time order).
  const found = lastIndex(v.spans.length, (i) => v.spans[i]!.fromMs, offset)
  // Tracks of a reconnect may overlap a little: look one span back too.
  return [found, found - 1].some((i) => i >= 0 && offset < v.spans[i]!.toMs)
}

/** The clock of a report's player: ms since the epoch, the recording's and the interview's. */
export type Clock = {
  /** The recording's 0 s. */
  start: number
  end: number
  /** The interview's start: offsets (transcript, voice) count from it. */
  origin: number
}

export function clockOf(rec: CombinedRecording, startedAt: string | undefined): Clock {
  const start = Date.parse(rec.start)
  const origin = startedAt ? Date.parse(startedAt) : start
  return { start, end: start + rec.durationMs, origin }
}
