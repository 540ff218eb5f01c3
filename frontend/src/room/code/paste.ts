// Paste detection for the interview's activity log: a paste is "external" unless
// its text was copied or cut from the room's editor during this page's life. The
// editor's clipboard filters see exactly the text CodeMirror puts on and takes
// from the clipboard (copy, cut, drag out; paste, drop).

import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

export type PasteInfo = { length: number; external: boolean }

/** cyrb53: a fast, well-mixed 53-bit hash; it tells copies apart, it hides nothing. */
function hashString(s: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

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
