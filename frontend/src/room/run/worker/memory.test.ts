import { describe, expect, it } from 'vitest'
import { capWasmMemory } from './memory'

/** Stands in for WebAssembly.Memory: a buffer that grows by 64 KiB pages. */
class FakeMemory {
  buffer = { byteLength: 65536 }
  grow(pages: number): number {
    const before = this.buffer.byteLength / 65536
    this.buffer = { byteLength: this.buffer.byteLength + pages * 65536 }
    return before
  }
}

describe('capWasmMemory', () => {
  it('lets memory grow up to the limit and refuses past it, for good', () => {
    capWasmMemory(4 * 65536, FakeMemory as unknown as typeof WebAssembly.Memory)
    const m = new FakeMemory()
    expect(m.grow(3)).toBe(1)
    expect(() => m.grow(1)).toThrow(RangeError)
    expect(m.buffer.byteLength).toBe(4 * 65536)
    expect(() => Object.defineProperty(FakeMemory.prototype, 'grow', { value: () => 0 })).toThrow(TypeError)
  })
})
