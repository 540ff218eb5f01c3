import { afterEach, describe, expect, it, vi } from 'vitest'
import { focusTitle, TITLE_WAIT_MS, titleRef } from './titleFocus'

function title(): HTMLElement {
  const h = document.createElement('h1')
  h.tabIndex = -1
  document.body.append(h)
  return h
}

afterEach(() => {
  document.body.replaceChildren()
  vi.useRealTimers()
})

describe('focus after a navigation', () => {
  it('goes to the title at once when the screen has one', () => {
    const h = title()
    focusTitle(h)
    expect(document.activeElement).toBe(h)
  })

  it('waits for the title of a screen still loading', () => {
    focusTitle(null)
    const h = title()
    titleRef(h)
    expect(document.activeElement).toBe(h)
    const later = title()
    titleRef(later) // only the first title after the navigation
    expect(document.activeElement).toBe(h)
  })

  it('is not taken when the person moved the focus meanwhile', () => {
    focusTitle(null)
    const search = document.createElement('input')
    document.body.append(search)
    search.focus()
    titleRef(title())
    expect(document.activeElement).toBe(search)
  })

  it('is not taken by a title that comes too late', () => {
    vi.useFakeTimers()
    focusTitle(null)
    vi.advanceTimersByTime(TITLE_WAIT_MS + 1)
    titleRef(title())
    expect(document.activeElement).toBe(document.body)
  })
})
