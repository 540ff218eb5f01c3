import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import { CopyLedger, pasteWatch, type PasteInfo } from './paste'
import { createCodeState } from './state'

const views: EditorView[] = []
afterEach(() => {
  for (const v of views.splice(0)) {
    v.destroy()
    v.dom.remove()
  }
})

function editor(ledger: CopyLedger, doc = 'const x = 1\n', readOnly = false) {
  const pastes: PasteInfo[] = []
  const state = createCodeState({
    version: 0,
    doc,
    theme: 'light',
    readOnly,
    label: 'Code',
    hooks: pasteWatch(ledger, (p) => pastes.push(p)),
  })
  const view = new EditorView({ state, parent: document.body.appendChild(document.createElement('div')) })
  views.push(view)
  return { view, pastes }
}

/** What CodeMirror does on copy, cut and drag: the output filters see the text. */
function copyFrom(view: EditorView, from: number, to: number): string {
  return view.state.facet(EditorView.clipboardOutputFilter).reduce((t, f) => f(t, view.state), view.state.sliceDoc(from, to))
}

/** A real paste event on the editor, as the browser sends it. */
function paste(view: EditorView, text: string) {
  const data = new DataTransfer()
  data.setData('text/plain', text)
  view.contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
}

describe('paste classification', () => {
  it('text copied from the editor is internal; anything else is external', () => {
    const { view, pastes } = editor(new CopyLedger())
    const copied = copyFrom(view, 0, 11)
    expect(copied).toBe('const x = 1')
    paste(view, copied)
    paste(view, 'print("from elsewhere")')
    expect(pastes).toEqual([
      { length: 11, external: false },
      { length: 23, external: true },
    ])
    expect(view.state.doc.toString()).toBe('const x = 1print("from elsewhere")const x = 1\n')
  })

  it('a copy in one editor of the page counts in another sharing the ledger', () => {
    const ledger = new CopyLedger()
    const main = editor(ledger, 'for i in range(3):\n    print(i)\n')
    const pad = editor(ledger, '')
    paste(pad.view, copyFrom(main.view, 0, 18))
    expect(pad.pastes).toEqual([{ length: 18, external: false }])
  })

  it('line endings do not matter; a near copy is still external', () => {
    const ledger = new CopyLedger()
    ledger.remember('a\nb')
    expect(ledger.classify('a\r\nb')).toEqual({ length: 3, external: false })
    expect(ledger.classify('a\nb ')).toEqual({ length: 4, external: true })
  })

  it('keeps only the most recent copies', () => {
    const ledger = new CopyLedger(2)
    ledger.remember('one')
    ledger.remember('two')
    ledger.remember('one') // refreshed
    ledger.remember('three')
    expect(['one', 'two', 'three'].map((t) => ledger.has(t))).toEqual([true, false, true])
  })

  it('reports nothing in a read-only editor', () => {
    const { view, pastes } = editor(new CopyLedger(), 'fixed', true)
    paste(view, 'attempt')
    expect(pastes).toEqual([])
    expect(view.state.doc.toString()).toBe('fixed')
  })
})
