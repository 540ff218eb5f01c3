// The shared editor's EditorState: a fixed set of basics plus compartments for what
// changes while it lives (language, theme, read-only and accessible name, the
// editor's own hooks). A snapshot rebuilds the state from an old one, keeping every
// compartment's current content, so a reset never loses the language or theme.

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete'
import { collab } from '@codemirror/collab'
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { bracketMatching, indentOnInput } from '@codemirror/language'
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search'
import {
  Compartment,
  EditorSelection,
  EditorState,
  Text,
  Transaction,
  type Extension,
  type StateEffect,
} from '@codemirror/state'
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view'
import { CODE_LIMITS, jsonBytes, PUSH_ENVELOPE_BYTES } from './channel'
import { remoteCursors, remoteCursorField } from './cursors'
import { editorTheme, type EditorTheme } from './theme'

/** What the sync logic needs of an editor: an EditorView, or a plain holder in tests. */
export interface EditorHost {
  readonly state: EditorState
  dispatch(tr: Transaction): void
  /** Replaces the whole state (a snapshot reset). */
  setState(state: EditorState): void
}

export type Access = { readOnly: boolean; label: string; describedBy?: string }

export type CodeStateOptions = Access & {
  version: number
  doc: string | Text
  /** Collab's client ID; a random one when absent. */
  clientID?: string
  theme: EditorTheme
  /** The language's support (loadLanguage); plain text when absent. */
  language?: Extension
  /** The editor's own listeners and filters (sync, cursors, paste, limits). */
  hooks?: Extension
}

const languageSlot = new Compartment()
const themeSlot = new Compartment()
const accessSlot = new Compartment()
const hooksSlot = new Compartment()

function basics(): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    // Remote changes carry addToHistory:false (collab's receiveUpdates), and history
    // maps its events through them: undo only ever undoes one's own changes.
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    // Tab indents; Escape then Tab (or Ctrl-m / Shift-Alt-m) moves focus out:
    // CodeMirror's tab-focus mode, announced in the editor's description.
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
  ]
}

function accessExtension({ readOnly, label, describedBy }: Access): Extension {
  const attrs: Record<string, string> = { 'aria-label': label }
  if (describedBy) attrs['aria-describedby'] = describedBy
  return [EditorState.readOnly.of(readOnly), EditorView.contentAttributes.of(attrs)]
}

function toText(doc: string | Text): Text {
  // Split on "\n" only: the host counts UTF-16 units of its text exactly, and
  // CodeMirror's default splitting would fold "\r\n" into one line break.
  return typeof doc === 'string' ? Text.of(doc.split('\n')) : doc
}

export function createCodeState(o: CodeStateOptions): EditorState {
  return EditorState.create({
    doc: toText(o.doc),
    extensions: [
      basics(),
      collab(o.clientID ? { startVersion: o.version, clientID: o.clientID } : { startVersion: o.version }),
      remoteCursors(),
      languageSlot.of(o.language ?? []),
      themeSlot.of(editorTheme(o.theme)),
      accessSlot.of(accessExtension(o)),
      hooksSlot.of(o.hooks ?? []),
    ],
  })
}

/**
 * A fresh state at `version` with `doc`, configured like `old` (language, theme,
 * access, hooks, remote cursors clamped to the new text), its selection kept where
 * it still fits. Collab starts over with `clientID`; undo history starts empty.
 */
export function rebuildState(old: EditorState, version: number, doc: Text, clientID: string): EditorState {
  const clamp = (n: number) => Math.min(n, doc.length)
  const { anchor, head } = old.selection.main
  const cursors = new Map(
    [...old.field(remoteCursorField)].map(([from, c]) => [from, { ...c, anchor: clamp(c.anchor), head: clamp(c.head) }]),
  )
  return EditorState.create({
    doc,
    selection: EditorSelection.single(clamp(anchor), clamp(head)),
    extensions: [
      basics(),
      collab({ startVersion: version, clientID }),
      remoteCursors(cursors),
      languageSlot.of(languageSlot.get(old) ?? []),
      themeSlot.of(themeSlot.get(old) ?? []),
      accessSlot.of(accessSlot.get(old) ?? []),
      hooksSlot.of(hooksSlot.get(old) ?? []),
    ],
  })
}

export const reconfigure = {
  language: (ext: Extension): StateEffect<unknown> => languageSlot.reconfigure(ext),
  theme: (theme: EditorTheme): StateEffect<unknown> => themeSlot.reconfigure(editorTheme(theme)),
  access: (a: Access): StateEffect<unknown> => accessSlot.reconfigure(accessExtension(a)),
}

export const TOO_LONG = `That change was not made: the shared code can hold at most ${CODE_LIMITS.maxDocLength.toLocaleString('en-US')} characters.`
export const TOO_BIG = 'That change was not made: it is too large to share at once (at most about 500 KB).'

/**
 * Refuses local changes the host would refuse: a document over the size limit, or
 * one change too large for a code.push. `report` tells the person why.
 */
export function sizeLimits(report: (message: string) => void): Extension {
  return EditorState.transactionFilter.of((tr) => {
    if (!tr.docChanged || tr.annotation(Transaction.remote)) return tr
    const grows = tr.newDoc.length > tr.startState.doc.length
    if (grows && tr.newDoc.length > CODE_LIMITS.maxDocLength) {
      report(TOO_LONG)
      return []
    }
    let inserted = 0
    tr.changes.iterChanges((_fa, _ta, _fb, _tb, text) => {
      inserted += text.length
    })
    // A UTF-16 unit is at most 6 bytes of JSON (\uXXXX); measure only when it may matter.
    const budget = CODE_LIMITS.maxPushBytes - PUSH_ENVELOPE_BYTES
    if (inserted * 6 > budget && jsonBytes({ clientID: '', changes: tr.changes.toJSON() }) > budget) {
      report(TOO_BIG)
      return []
    }
    return tr
  })
}
