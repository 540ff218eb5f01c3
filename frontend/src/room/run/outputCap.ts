// The output limit of one run, counted in UTF-8 bytes over stdout and stderr
// together. Both the worker (to stop the program) and the page (to never pass
// more on, whatever a worker sends) keep one.

export class OutputCap {
  private used = 0
  private over = false

  constructor(readonly limitBytes: number) {}

  /** The part of text that still fits (never a split character); marks truncated when some is cut. */
  take(text: string): string {
    if (this.over) return ''
    const room = this.limitBytes - this.used
    const { end, bytes } = prefixWithin(text, room)
    this.used += bytes
    if (end < text.length) this.over = true
    return end === text.length ? text : text.slice(0, end)
  }

  /** Some output was dropped: the run should stop. */
  get truncated(): boolean {
    return this.over
  }

  get usedBytes(): number {
    return this.used
  }
}

/** The longest prefix of text whose UTF-8 encoding fits in budget bytes. */
export function prefixWithin(text: string, budget: number): { end: number; bytes: number } {
  let bytes = 0
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))
    const size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3
    if (bytes + size > budget) break
    bytes += size
    i += pair ? 2 : 1
  }
  return { end: i, bytes }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
