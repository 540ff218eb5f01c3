// Paste detection for the interview's activity log: a paste is "external" unless
// its text was copied or cut from the room's editor during this page's life. The
// editor's clipboard filters see exactly the text CodeMirror puts on and takes
// from the clipboard (copy, cut, drag out; paste, drop).

import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { hashString } from './hash'

export type PasteInfo = { length: number; external: boolean }

function normalize(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

function keyOf(text: string): string {
  return `${text.length}:${hashString(text)}`
}

/** A bounded set of what was copied: hashes only, never the text. */
export class CopyLedger {
  private readonly keys = new Set<string>()

  constructor(private readonly capacity = 64) {}

  remember(text: string): void {
    const key = keyOf(normalize(text))
    this.keys.delete(key)
    this.keys.add(key)
    while (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value
      if (oldest === undefined) break
      this.keys.delete(oldest)
    }
  }

  has(text: string): boolean {
    return this.keys.has(keyOf(normalize(text)))
  }

  /** How a paste of `text` is reported. */
  classify(text: string): PasteInfo {
    return { length: normalize(text).length, external: !this.has(text) }
  }
}

/** Copies from any editor on this page count as internal (main and pad alike). */
export const pageCopyLedger = new CopyLedger()

/**
 * Remembers what leaves the editor and reports what comes in: pastes, and drops
 * from outside (moving text by dragging it inside the editor is no paste).
 */
export function pasteWatch(ledger: CopyLedger, onPaste: (p: PasteInfo) => void): Extension {
  let draggingOut = false
  return [
    EditorView.domEventHandlers({
      dragstart() {
        draggingOut = true
        return false
      },
      dragend() {
        draggingOut = false
        return false
      },
    }),
    EditorView.clipboardOutputFilter.of((text) => {
      if (text) ledger.remember(text)
      return text
    }),
    EditorView.clipboardInputFilter.of((text, state) => {
      if (text && !state.readOnly && !draggingOut) onPaste(ledger.classify(text))
      return text
    }),
  ]
}
