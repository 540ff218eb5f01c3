// What deleting, erasing and retention remove, in words (one list item each).
import type { CandidateData, InterviewContents } from '../api/privacy'
import { formatBytes } from '../interviews/RecordingsPanel'

const n = (count: number, one: string, many: string) => `${count === 0 ? 'No' : count.toLocaleString()} ${count === 1 ? one : many}`

/** The recording files, with their size; within a sentence, "no recording files". */
export const filesText = (files: { files: number; bytes: number }, inSentence = false): string =>
  files.files === 0
    ? `${inSentence ? 'no' : 'No'} recording files`
    : `${n(files.files, 'recording file', 'recording files')} (${formatBytes(files.bytes)})`

/** "a, b and c". */
export function joinWords(parts: string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

/** What a retention plan deletes, in one sentence's words. */
export function planWords(p: { interviews: number; recordings: number; candidates: number; items: unknown[]; files: { files: number; bytes: number } }): string {
  const leftovers = p.items.length - p.interviews - p.recordings - p.candidates
  const parts = [
    p.interviews > 0 && `${n(p.interviews, 'interview', 'interviews')} with all their data`,
    p.recordings > 0 && `the recordings of ${n(p.recordings, 'interview', 'interviews')}`,
    p.candidates > 0 && n(p.candidates, 'candidate profile', 'candidate profiles'),
    leftovers > 0 && n(leftovers, 'left-over folder', 'left-over folders'),
  ].filter((x): x is string => !!x)
  return `${joinWords(parts)}: ${filesText(p.files, true)}`
}

/** What deleting an interview removes, one item each. */
export function contentsItems(c: InterviewContents): string[] {
  const items = [
    filesText(c.recordings),
    `${n(c.events, 'event', 'events')} of the room: the timeline, notes, code and whiteboard, playback and the consent record`,
    c.analysis ? 'The analysis: transcript, scores and overrides' : 'No analysis',
    `${n(c.emails, 'email', 'emails')} of the outbox`,
  ]
  if (c.unsent > 0) items.push(`${n(c.unsent, 'email has', 'emails have')} not been sent yet and will not be sent`)
  return items
}

/** What erasing a candidate removes, one item each. */
export function candidateItems(d: CandidateData): string[] {
  const items = [
    n(d.interviews.length, 'interview', 'interviews') + ' with everything of them',
    filesText(d.recordings),
    `${n(d.events, 'event', 'events')} (timelines, notes, code, consent records)`,
    n(d.analyses, 'analysis', 'analyses'),
    n(d.emails, 'email', 'emails'),
  ]
  if (d.profile) items.push(`The candidate profile with ${n(d.results, 'take-home result', 'take-home results').toLowerCase()}`)
  return items
}
