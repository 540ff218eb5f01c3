// Snapshots: state kept as one immutable snapshot for React's
// useSyncExternalStore. A change replaces the snapshot (so React sees a new
// object) and tells every subscriber; the room's stores extend it.

/** A snapshot that subscribers hear of each time it is replaced. */
export class Snapshots<T extends object> {
  private current: T
  private readonly listeners = new Set<() => void>()

  constructor(initial: T) {
    this.current = initial
  }

  /** Calls `fn` after every change; returns the function that stops it. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  /** The current snapshot: the same object until something changes. */
  getSnapshot = (): T => this.current

  /** The current snapshot, as the store reads it. */
  protected get snap(): T {
    return this.current
  }

  /** Replaces the snapshot with `patch` applied and tells the subscribers. */
  protected set(patch: Partial<T>): void {
    this.current = { ...this.current, ...patch }
    for (const fn of this.listeners) fn()
  }
}
