import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import { dateTimeFormat } from '../../platform/locale'
import type { RoomStore } from '../connection/store'
import { LIMITS, type Note } from '../protocol'
import { DraftStore, reconcile } from './drafts'
import { SaveStatusText, useAutosave } from './useAutosave'

export type NoteContext = { topicId?: string; questionIndex?: number; label: string }

/** The interviewer's own note among the view's notes (only ours until the end). */
export function myNote(notes: Record<string, Note>, you: string): Note | undefined {
  const all = Object.values(notes)
  return all.find((n) => n.author.name === you) ?? (all.length === 1 ? all[0] : undefined)
}

export type NotesHandle = { focus: () => void; insertTimestamp: () => void }

type Props = {
  store: RoomStore
  token: string
  notes: Record<string, Note>
  you: string
  /** Bumped when a connection's first state arrived: time to reconcile with the host. */
  synced: number
  context: NoteContext
}

/** Interview notes: Markdown, autosaved, with a local draft that survives drops and reloads. */
export const NotesPanel = forwardRef<NotesHandle, Props>(function NotesPanel(p, ref) {
  const drafts = useMemo(() => new DraftStore(`interviewdesk.room.notes.${p.token}`), [p.token])
  const serverText = myNote(p.notes, p.you)?.text
  const [text, setText] = useState(() => reconcile(serverText, drafts.get('notes')).text)
  const area = useRef<HTMLTextAreaElement>(null)
  const ctx = useRef(p.context)
  ctx.current = p.context
  const [auto, status] = useAutosave<string>(async (t) => {
    const { topicId, questionIndex } = ctx.current
    await p.store.action('note_saved', {
      text: t,
      ...(topicId ? { topicId } : {}),
      ...(questionIndex !== undefined ? { questionIndex } : {}),
    })
    drafts.ack('notes', t)
  })

  // On every (re)connection: the host's text unless we have unsent edits.
  const serverRef = useRef(serverText)
  serverRef.current = serverText
  useEffect(() => {
    if (p.synced === 0) return
    if (auto.dirty) {
      void auto.flush()
      return
    }
    const r = reconcile(serverRef.current, drafts.get('notes'))
    setText(r.text)
    if (r.needsSave) {
      auto.change(r.text)
      void auto.flush()
    } else if (serverRef.current !== undefined) {
      drafts.ack('notes', serverRef.current)
    }
  }, [p.synced, auto, drafts])

  const update = (v: string) => {
    setText(v)
    drafts.edit('notes', v)
    auto.change(v)
  }

  const insertTimestamp = () => {
    const el = area.current
    if (!el) return
    const stamp = `[${dateTimeFormat({ hour: '2-digit', minute: '2-digit' }).format(new Date())} · ${ctx.current.label}] `
    const at = el.selectionStart ?? el.value.length
    const before = el.value.slice(0, at)
    const prefix = before === '' || before.endsWith('\n') ? '' : '\n'
    const next = before + prefix + stamp + el.value.slice(el.selectionEnd ?? at)
    update(next)
    el.focus()
    requestAnimationFrame(() => {
      const caret = before.length + prefix.length + stamp.length
      el.setSelectionRange(caret, caret)
    })
  }

  useImperativeHandle(ref, () => ({ focus: () => area.current?.focus(), insertTimestamp }))

  const over = text.length > LIMITS.noteChars
  return (
    <section className="cockpit-section notes" aria-labelledby="notes-title">
      <div className="cockpit-section-head">
        <h2 id="notes-title" className="section-title">
          Interview notes
        </h2>
        <SaveStatusText status={status} id="notes-status" />
      </div>
      <label className="visually-hidden" htmlFor="notes-text">
        Interview notes
      </label>
      <textarea
        id="notes-text"
        ref={area}
        className="input textarea notes-text"
        value={text}
        onChange={(e) => update(e.target.value)}
        onBlur={() => void auto.flush()}
        placeholder="Type as you go. Markdown works: **bold**, - lists. Alt+T adds a timestamp."
        aria-describedby="notes-hint notes-status"
        aria-invalid={over || undefined}
        spellCheck
      />
      <p id="notes-hint" className="field-hint notes-hint">
        <span>Markdown · saved automatically · linked to {p.context.label}</span>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={insertTimestamp}
        >
          Add timestamp
        </button>
      </p>
      {over && (
        <p className="field-error" role="alert">
          Notes can have at most {LIMITS.noteChars.toLocaleString()} characters; shorten them to save.
        </p>
      )}
    </section>
  )
})
