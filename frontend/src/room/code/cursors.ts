// Remote cursors: where the others in the editor are. A StateField keeps each
// member's selection by connection ID, maps it through every change (local and
// remote) and draws it: a caret in their colour with their name, and a translucent
// background over what they selected. The drawing is aria-hidden; presence.ts
// gives the same information in words.

import { StateEffect, StateField, Transaction, type ChangeDesc, type Extension } from '@codemirror/state'
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view'
import type { CodeChannel, RemoteCursor } from './channel'
import { labelTextColor, pickColor, safeColor, translucent } from './colors'
import type { EditorHost } from './state'
import { browserTimers, type Timers } from './timers'

export type RemotePeer = { from: string; name: string; color: string; anchor: number; head: number }
export type RemotePeers = ReadonlyMap<string, RemotePeer>

/** A cursor message arrived (or a member left). */
export const remoteCursorEffect = StateEffect.define<RemoteCursor>()

function mapPeers(peers: RemotePeers, changes: ChangeDesc): RemotePeers {
  const next = new Map<string, RemotePeer>()
  for (const [from, p] of peers) {
    // assoc 1: text typed at a member's caret (usually by them) goes before it.
    next.set(from, { ...p, anchor: changes.mapPos(p.anchor, 1), head: changes.mapPos(p.head, 1) })
  }
  return next
}

function applyCursor(peers: RemotePeers, c: RemoteCursor, docLength: number): RemotePeers {
  const next = new Map(peers)
  if ('gone' in c) {
    next.delete(c.from)
    return next
  }
  // Positions are in the sender's document, which may be a little ahead of or
  // behind ours: clamp, and the next message puts them right.
  const clamp = (n: number) => Math.max(0, Math.min(Number.isFinite(n) ? Math.trunc(n) : 0, docLength))
  next.set(c.from, {
    from: c.from,
    name: c.name,
    color: safeColor(c.color, pickColor(c.from)),
    anchor: clamp(c.anchor),
    head: clamp(c.head),
  })
  return next
}

class CaretWidget extends WidgetType {
  constructor(
    readonly name: string,
    readonly color: string,
  ) {
    super()
  }

  override eq(other: CaretWidget): boolean {
    return other.name === this.name && other.color === this.color
  }

  toDOM(): HTMLElement {
    const caret = document.createElement('span')
    caret.className = 'cm-remoteCaret'
    caret.setAttribute('aria-hidden', 'true')
    caret.style.borderLeftColor = this.color
    const label = document.createElement('span')
    label.className = 'cm-remoteCaret-label'
    // The name is drawn by CSS, not held in a text node: typing next to the
    // caret can then never take the label's text into the document.
    label.dataset.name = this.name
    label.style.backgroundColor = this.color
    label.style.color = labelTextColor(this.color)
    caret.append(label)
    return caret
  }

  override ignoreEvent(): boolean {
    return true
  }
}

function decorate(peers: RemotePeers): DecorationSet {
  const ranges = []
  for (const p of peers.values()) {
    const from = Math.min(p.anchor, p.head)
    const to = Math.max(p.anchor, p.head)
    if (from < to) {
      ranges.push(
        Decoration.mark({
          class: 'cm-remoteSelection',
          attributes: { style: `background-color: ${translucent(p.color, 0.25)}` },
        }).range(from, to),
      )
    }
    ranges.push(Decoration.widget({ widget: new CaretWidget(p.name, p.color), side: 1 }).range(p.head))
  }
  return Decoration.set(ranges, true)
}

export const remoteCursorField = StateField.define<RemotePeers>({
  create: () => new Map(),
  update(peers, tr) {
    let next = tr.docChanged && peers.size ? mapPeers(peers, tr.changes) : peers
    for (const e of tr.effects) if (e.is(remoteCursorEffect)) next = applyCursor(next, e.value, tr.state.doc.length)
    return next
  },
  provide: (f) => EditorView.decorations.from(f, decorate),
})

const cursorStyles = EditorView.baseTheme({
  '.cm-remoteCaret': {
    position: 'relative',
    display: 'inline-block',
    width: '0',
    height: '1.2em',
    marginLeft: '-1px',
    marginRight: '-1px',
    verticalAlign: 'text-bottom',
    borderLeft: '2px solid',
    pointerEvents: 'none',
  },
  '.cm-remoteCaret-label': {
    position: 'absolute',
    bottom: '100%',
    left: '-2px',
    padding: '0 4px',
    borderRadius: '3px 3px 3px 0',
    fontFamily: 'var(--font-sans, sans-serif)',
    fontSize: '11px',
    lineHeight: '1.4',
    fontWeight: '600',
    whiteSpace: 'nowrap',
    zIndex: '10',
  },
  '.cm-remoteCaret-label::after': { content: 'attr(data-name)' },
  // The first line has no room above it: put the label below.
  '.cm-line:first-child .cm-remoteCaret-label': { bottom: 'auto', top: '100%', borderRadius: '0 3px 3px 3px' },
})

/** The remote cursors' field and look; `initial` carries them over a state rebuild. */
export function remoteCursors(initial?: RemotePeers): Extension {
  return [initial ? remoteCursorField.init(() => initial) : remoteCursorField, cursorStyles]
}

/** Shows the channel's cursor messages in the editor; returns the unsubscribe. */
export function receiveCursors(channel: CodeChannel, host: EditorHost): () => void {
  return channel.onCursor((c) => host.dispatch(host.state.update({ effects: remoteCursorEffect.of(c) })))
}

/** At most 20 cursor messages a second (the protocol's limit). */
export const CURSOR_INTERVAL_MS = 50

/**
 * Sends this editor's main selection after local changes of selection or text,
 * at most once per interval (the latest one wins). Remote changes move our
 * selection on everyone's screen already, so they send nothing.
 */
export function cursorSender(send: (anchor: number, head: number) => void, timers: Timers = browserTimers): Extension {
  return ViewPlugin.fromClass(
    class {
      cancel: (() => void) | null = null
      constructor(readonly view: EditorView) {}
      update(u: ViewUpdate) {
        if (!(u.selectionSet || u.docChanged) || this.cancel) return
        if (u.transactions.every((tr) => tr.annotation(Transaction.remote))) return
        this.cancel = timers.set(() => {
          this.cancel = null
          const { anchor, head } = this.view.state.selection.main
          send(anchor, head)
        }, CURSOR_INTERVAL_MS)
      }
      destroy() {
        this.cancel?.()
      }
    },
  )
}
