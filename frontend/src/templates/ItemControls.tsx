import { useLayoutEffect, useRef } from 'react'

type Props = {
  itemKey: string
  index: number
  count: number
  noun: string
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
  removeDisabled?: boolean
  /** Key of the item that just moved, to keep focus on its button. */
  focusAfterMove: { key: string; dir: -1 | 1 } | null
}

/** Move up / Move down / Remove for one item of an ordered list. */
export function ItemControls({ itemKey, index, count, noun, onMove, onRemove, removeDisabled, focusAfterMove }: Props) {
  const up = useRef<HTMLButtonElement>(null)
  const down = useRef<HTMLButtonElement>(null)
  const atTop = index === 0
  const atBottom = index === count - 1

  useLayoutEffect(() => {
    if (focusAfterMove?.key !== itemKey) return
    const preferred = focusAfterMove.dir === -1 ? up.current : down.current
    const other = focusAfterMove.dir === -1 ? down.current : up.current
    ;(preferred && !preferred.disabled ? preferred : other)?.focus()
  }, [focusAfterMove, itemKey, index])

  return (
    <div className="item-controls">
      <button
        ref={up}
        type="button"
        className="btn btn-small btn-ghost btn-icon"
        aria-label="Move up"
        title="Move up"
        disabled={atTop}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        ref={down}
        type="button"
        className="btn btn-small btn-ghost btn-icon"
        aria-label="Move down"
        title="Move down"
        disabled={atBottom}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost btn-ghost-danger"
        aria-label={`Remove ${noun}`}
        onClick={onRemove}
        disabled={removeDisabled}
      >
        Remove
      </button>
    </div>
  )
}
