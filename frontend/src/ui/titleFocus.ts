// After a navigation, keyboard focus goes to the new screen's title. A screen
// that is still loading (its chunk, or the data its header needs) shows it a
// moment later: the focus then waits for that title, unless the person has
// moved the focus themselves meanwhile or it is too late to be expected.

/** How long after a navigation a title that appears still takes the focus. */
export const TITLE_WAIT_MS = 5_000

let waiting: { until: number; from: Element | null } | undefined

/** Focuses title now, or, when the screen has none yet, the next title that mounts (titleRef). */
export function focusTitle(title: HTMLElement | null): void {
  waiting = undefined
  if (title) title.focus()
  else waiting = { until: performance.now() + TITLE_WAIT_MS, from: document.activeElement }
}

/** The ref of a screen's title (`data-page-title`): takes the focus a navigation left waiting. */
export function titleRef(title: HTMLElement | null): void {
  if (!title || !waiting) return
  const { until, from } = waiting
  waiting = undefined
  if (performance.now() <= until && document.activeElement === from) title.focus()
}
