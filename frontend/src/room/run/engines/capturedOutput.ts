// For the engine tests: a RunOutput with the worker's output limit that keeps
// what it was given, per stream.
import { OutputCap } from '../outputCap'
import type { OutputStream } from '../types'
import type { RunOutput } from '../worker/serve'

export function capturedOutput(maxOutputBytes: number): RunOutput & { text(stream: OutputStream): string } {
  const cap = new OutputCap(maxOutputBytes)
  const chunks: { stream: OutputStream; text: string }[] = []
  return {
    write: (stream, text) => void chunks.push({ stream, text: cap.take(text) }),
    get full() {
      return cap.truncated
    },
    text: (stream) => chunks.filter((c) => c.stream === stream).map((c) => c.text).join(''),
  }
}
