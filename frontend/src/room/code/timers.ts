// Timers behind a small interface, so tests decide when they fire.

export type Timers = { set(fn: () => void, ms: number): () => void }

export const browserTimers: Timers = {
  set(fn, ms) {
    const id = setTimeout(fn, ms)
    return () => clearTimeout(id)
  },
}
