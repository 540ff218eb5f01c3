// Output on its way to the page's listener, coalesced: a program printing
// line by line would otherwise mean one callback (and one room message) per
// line. Consecutive chunks of one stream merge; the batch goes out at most
// intervalMs after its first chunk, and at the end of the run, in order.
import type { OutputStream } from './types'

export class OutputBatch {
  private pending: [OutputStream, string][] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly deliver: (stream: OutputStream, text: string) => void,
    private readonly intervalMs: number,
  ) {}

  add(stream: OutputStream, text: string): void {
    if (text === '') return
    const last = this.pending.at(-1)
    if (last && last[0] === stream) last[1] += text
    else this.pending.push([stream, text])
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.pending
    this.pending = []
    for (const [stream, text] of batch) this.deliver(stream, text)
  }
}
