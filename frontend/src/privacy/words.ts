// What deleting, erasing and retention remove, in words (one list item each).
import type { CandidateData, InterviewContents } from '../api/privacy'
import { formatBytes } from '../interviews/RecordingsPanel'

const n = (count: number, one: string, many: string) => `${count === 0 ? 'No' : count.toLocaleString()} ${count === 1 ? one : many}`

/** The recording files, with their size. */
export const filesText = (files: { files: number; bytes: number }): string =>
  files.files === 0 ? 'No recording files' : `${n(files.files, 'recording file', 'recording files')} (${formatBytes(files.bytes)})`

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
