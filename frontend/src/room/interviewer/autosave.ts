// Debounced autosave: changes wait `delayMs` of quiet, then one save runs at a
// time with the latest value; a failed save retries with backoff until it
// succeeds, the value changes again, or flush() is called (e.g. on reconnect).

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string; retrying: boolean }

export type AutosaveOptions<T> = {
  save: (value: T) => Promise<void>
  onStatus?: (s: SaveStatus) => void
  delayMs?: number
  /** Delay before retry `attempt` (0-based). */
  retryDelayMs?: (attempt: number) => number
  /** False for errors a retry cannot fix (the host refused the value). */
  retryable?: (e: unknown) => boolean
  now?: () => number
}

const defaultRetry = (attempt: number) => Math.min(15_000, 1000 * 2 ** attempt)

export class Autosave<T> {
  status: SaveStatus = { kind: 'idle' }
  private latest: T | undefined
  private hasValue = false
  private version = 0
  private savedVersion = 0
  private inFlight = false
  private debounce: ReturnType<typeof setTimeout> | undefined
  private retry: ReturnType<typeof setTimeout> | undefined
  private attempt = 0
  private disposed = false
  private readonly o: Required<Omit<AutosaveOptions<T>, 'onStatus'>> & Pick<AutosaveOptions<T>, 'onStatus'>

  constructor(o: AutosaveOptions<T>) {
    this.o = { delayMs: 800, retryDelayMs: defaultRetry, retryable: () => true, now: Date.now, ...o }
  }

  /** True while a change has not been saved yet. */
  get dirty(): boolean {
    return this.version !== this.savedVersion
  }

  /** A new value: saved after `delayMs` without further changes. */
  change(value: T): void {
    if (this.disposed) return
    this.latest = value
    this.hasValue = true
    this.version++
    this.attempt = 0
    this.clearRetry()
    if (this.debounce !== undefined) clearTimeout(this.debounce)
    this.debounce = setTimeout(() => {
      this.debounce = undefined
      void this.run()
    }, this.o.delayMs)
    if (!this.inFlight) this.setStatus({ kind: 'pending' })
  }

  /** Saves now whatever is unsaved (no-op when clean). */
  flush(): Promise<void> {
    if (this.debounce !== undefined) clearTimeout(this.debounce)
    this.debounce = undefined
    this.clearRetry()
    return this.run()
  }

  /** Forgets the unsaved state: the given value is what the host has. */
  reset(): void {
    if (this.debounce !== undefined) clearTimeout(this.debounce)
    this.debounce = undefined
    this.clearRetry()
    this.savedVersion = this.version
    this.setStatus({ kind: 'idle' })
  }

  dispose(): void {
    this.disposed = true
    if (this.debounce !== undefined) clearTimeout(this.debounce)
    this.clearRetry()
  }

  private async run(): Promise<void> {
    if (this.disposed || this.inFlight || !this.hasValue || !this.dirty) return
    const version = this.version
    const value = this.latest as T
    this.inFlight = true
    this.setStatus({ kind: 'saving' })
    try {
      await this.o.save(value)
      this.inFlight = false
      if (this.disposed) return
      this.savedVersion = Math.max(this.savedVersion, version)
      this.attempt = 0
      if (this.dirty) {
        // Changed while saving: save the newer value once the debounce allows.
        if (this.debounce === undefined) void this.run()
        else this.setStatus({ kind: 'pending' })
      } else {
        this.setStatus({ kind: 'saved', at: this.o.now() })
      }
    } catch (e) {
      this.inFlight = false
      if (this.disposed) return
      const message = e instanceof Error ? e.message : String(e)
      const retrying = this.o.retryable(e)
      this.setStatus({ kind: 'error', message, retrying })
      if (retrying && this.debounce === undefined) {
        const delay = this.o.retryDelayMs(this.attempt++)
        this.retry = setTimeout(() => {
          this.retry = undefined
          void this.run()
        }, delay)
      }
    }
  }

  private clearRetry(): void {
    if (this.retry !== undefined) clearTimeout(this.retry)
    this.retry = undefined
  }

  private setStatus(s: SaveStatus): void {
    this.status = s
    this.o.onStatus?.(s)
  }
}
