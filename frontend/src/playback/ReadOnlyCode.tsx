// A read-only code view for playback: the document as it was at a moment,
// with the language's highlighting. Updates replace only what changed.

import { Compartment, EditorState } from '@codemirror/state'
import { EditorView, lineNumbers } from '@codemirror/view'
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language'
import { useEffect, useRef } from 'react'
import { isLanguageId, loadLanguage } from '../room/code/languages'

export function ReadOnlyCode({ text, language, label }: { text: string; language: string; label: string }) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView>(null)
  const lang = useRef(new Compartment())

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(),
          syntaxHighlighting(defaultHighlightStyle),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
          lang.current.of([]),
        ],
      }),
    })
    view.current = v
    return () => v.destroy()
  }, [label])

  useEffect(() => {
    const v = view.current
    if (!v) return
    const old = v.state.doc.toString()
    if (old === text) return
    let from = 0
    while (from < old.length && from < text.length && old[from] === text[from]) from++
    let endOld = old.length
    let endNew = text.length
    while (endOld > from && endNew > from && old[endOld - 1] === text[endNew - 1]) {
      endOld--
      endNew--
    }
    v.dispatch({ changes: { from, to: endOld, insert: text.slice(from, endNew) } })
  }, [text])

  useEffect(() => {
    let live = true
    if (!isLanguageId(language)) return
    void loadLanguage(language).then((ext) => {
      if (live) view.current?.dispatch({ effects: lang.current.reconfigure(ext) })
    })
    return () => {
      live = false
    }
  }, [language])

  return <div className="playback-code" ref={host} />
}
