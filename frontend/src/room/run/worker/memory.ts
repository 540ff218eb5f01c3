// A ceiling on the WebAssembly memory of a run worker. Emscripten grows its
// heap through WebAssembly.Memory.prototype.grow and treats a failed grow as
// malloc returning NULL, so past the ceiling the program sees an ordinary
// out-of-memory error (Python's MemoryError) instead of taking the tab's
// memory with it. Installed before the runtime loads; it cannot be undone.

export function capWasmMemory(limitBytes: number, memory: typeof WebAssembly.Memory = WebAssembly.Memory): void {
  const grow = memory.prototype.grow
  function cappedGrow(this: WebAssembly.Memory, deltaPages: number): number {
    if (this.buffer.byteLength + deltaPages * 65536 > limitBytes) {
      throw new RangeError(`WebAssembly memory limit of ${limitBytes} bytes reached`)
    }
    return grow.call(this, deltaPages)
  }
  Object.defineProperty(memory.prototype, 'grow', { value: cappedGrow, writable: false, configurable: false })
}
