// What user JavaScript finds inside the QuickJS VM besides the language itself:
// console, process.stdout/stderr.write, readline(), require('fs').readFileSync(0)
// for stdin, and timers. vmPrelude runs INSIDE the VM (its source is evaluated
// there), so it must stay self-contained: no imports, no outer names.

/** The host functions the VM gets, under the global `__host` until the prelude takes them. */
export type VmHost = {
  /** stream 1 = stdout, 2 = stderr */
  write(stream: number, text: string): void
  /** All of stdin, once. */
  stdin(): string
}

/** The VM-side timer queue the engine drives after the script ran. */
export type VmTimers = {
  /** ms until the next timer is due, or -1 when none is left. */
  next(): number
  /** Runs the earliest timer (the engine waited until it is due). */
  runNext(): void
}

export function vmPrelude(host: VmHost): VmTimers {
  const g = globalThis as unknown as Record<string, unknown>

  // --- formatting, after Node's util.inspect (a useful subset) ---
  function inspect(value: unknown, depth: number, seen: object[], nested: boolean): string {
    if (typeof value === 'string') return nested ? quote(value) : value
    if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value)
    if (typeof value === 'bigint') return `${value}n`
    if (value === undefined || value === null || typeof value === 'boolean') return String(value)
    if (typeof value === 'symbol') return value.toString()
    if (typeof value === 'function') {
      const isClass = /^class[\s{]/.test(Function.prototype.toString.call(value))
      return value.name ? `[${isClass ? 'class' : 'Function'} ${value.name}]` : isClass ? '[class (anonymous)]' : '[Function (anonymous)]'
    }
    const obj = value as object
    if (seen.includes(obj)) return '[Circular *1]'
    if (obj instanceof Error) return obj.stack ? `${obj.name}: ${obj.message}\n${obj.stack}`.trimEnd() : `${obj.name}: ${obj.message}`
    if (obj instanceof Date) return isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString()
    if (obj instanceof RegExp) return String(obj)
    if (depth > 2) return Array.isArray(obj) ? '[Array]' : '[Object]'
    const inner = (v: unknown) => inspect(v, depth + 1, [...seen, obj], true)
    if (Array.isArray(obj)) return list('', '[', ']', arrayItems(obj, inner))
    if (obj instanceof Map) {
      return list(`Map(${obj.size}) `, '{', '}', [...obj].map(([k, v]) => `${inner(k)} => ${inner(v)}`))
    }
    if (obj instanceof Set) return list(`Set(${obj.size}) `, '{', '}', [...obj].map(inner))
    if (obj instanceof Promise) return 'Promise { <pending> }'
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const items = Array.from(obj as unknown as ArrayLike<number>, (n) => inner(n))
      return list(`${obj.constructor.name}(${items.length}) `, '[', ']', items)
    }
    const proto = Object.getPrototypeOf(obj)
    const name = proto === null ? '[Object: null prototype] ' : proto !== Object.prototype && proto.constructor?.name ? `${proto.constructor.name} ` : ''
    const entries = Object.keys(obj).map((k) => `${key(k)}: ${inner((obj as Record<string, unknown>)[k])}`)
    return list(name, '{', '}', entries)
  }

  function arrayItems(a: unknown[], inner: (v: unknown) => string): string[] {
    const items: string[] = []
    let holes = 0
    const flush = () => {
      if (holes > 0) items.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`)
      holes = 0
    }
    for (let i = 0; i < a.length; i++) {
      if (!(i in a)) {
        holes++
        continue
      }
      flush()
      if (items.length >= 100) {
        items.push(`... ${a.length - i} more item${a.length - i > 1 ? 's' : ''}`)
        return items
      }
      items.push(inner(a[i]))
    }
    flush()
    return items
  }

  function list(prefix: string, open: string, close: string, items: string[]): string {
    if (items.length === 0) return `${prefix}${open}${close}`
    const oneLine = `${prefix}${open} ${items.join(', ')} ${close}`
    if (oneLine.length <= 72 && !oneLine.includes('\n')) return oneLine
    return `${prefix}${open}\n${items.map((s) => '  ' + s.split('\n').join('\n  ')).join(',\n')}\n${close}`
  }

  function key(k: string): string {
    return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k)
  }

  function quote(s: string): string {
    const q = s.includes("'") && !s.includes('"') ? '"' : "'"
    const escaped = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t')
    return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q
  }

  function format(args: unknown[]): string {
    const first = args[0]
    let rest = args
    let head = ''
    if (typeof first === 'string' && first.includes('%') && args.length > 1) {
      let i = 1
      head = first.replace(/%([sdifjoOc%])/g, (m, c: string) => {
        if (c === '%') return '%'
        if (i >= args.length) return m
        const v = args[i++]
        switch (c) {
          case 's':
            return typeof v === 'string' ? v : inspect(v, 1, [], false)
          case 'd':
          case 'i':
            return typeof v === 'bigint' ? `${v}n` : String(c === 'i' ? Math.trunc(Number(v)) : Number(v))
          case 'f':
            return String(parseFloat(String(v)))
          case 'j':
            try {
              return JSON.stringify(v)
            } catch {
              return '[Circular]'
            }
          case 'c':
            return ''
          default:
            return inspect(v, 0, [], true)
        }
      })
      rest = args.slice(i)
      return [head, ...rest.map((a) => inspect(a, 0, [], false))].join(' ')
    }
    return rest.map((a) => inspect(a, 0, [], false)).join(' ')
  }

  // --- output and input ---
  const out = (stream: number) => (...args: unknown[]) => host.write(stream, format(args) + '\n')
  const counts = new Map<string, number>()
  const consoleObject = {
    log: out(1),
    info: out(1),
    debug: out(1),
    error: out(2),
    warn: out(2),
    trace: (...args: unknown[]) => host.write(2, `Trace: ${format(args)}\n${new Error().stack ?? ''}`),
    dir: (v: unknown) => host.write(1, inspect(v, 0, [], true) + '\n'),
    table: out(1),
    assert: (ok: unknown, ...args: unknown[]) => {
      if (!ok) host.write(2, `Assertion failed${args.length ? ': ' + format(args) : ''}\n`)
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1
      counts.set(label, n)
      host.write(1, `${label}: ${n}\n`)
    },
  }
  let input: string | undefined
  const stdin = () => (input ??= host.stdin())
  let lineAt = 0
  const readline = (): string | null => {
    const all = stdin()
    if (lineAt >= all.length) return null
    const end = all.indexOf('\n', lineAt)
    const line = all.slice(lineAt, end < 0 ? all.length : end)
    lineAt = end < 0 ? all.length : end + 1
    return line.endsWith('\r') ? line.slice(0, -1) : line
  }
  const fs = {
    // No Buffer here: stdin comes back as a string, with or without an encoding.
    readFileSync(file: unknown) {
      if (file !== 0 && file !== '/dev/stdin') throw new Error(`ENOENT: no such file or directory, open '${String(file)}' (only stdin can be read here)`)
      return stdin()
    },
  }
  const write = (stream: number) => ({
    write(s: unknown) {
      host.write(stream, typeof s === 'string' ? s : String(s))
      return true
    },
  })

  // --- timers, run by the engine after the script (real delays, in order) ---
  type Timer = { id: number; due: number; fn: (...a: unknown[]) => void; args: unknown[]; every?: number; seq: number }
  const timers = new Map<number, Timer>()
  let lastId = 0
  let seq = 0
  const add = (fn: unknown, ms: unknown, args: unknown[], repeat: boolean) => {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function')
    const delay = Math.max(0, Number(ms) || 0)
    const t: Timer = { id: ++lastId, due: Date.now() + delay, fn: fn as Timer['fn'], args, seq: seq++ }
    if (repeat) t.every = Math.max(1, delay)
    timers.set(t.id, t)
    return t.id
  }
  const earliest = (): Timer | undefined => {
    let best: Timer | undefined
    for (const t of timers.values()) if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t
    return best
  }

  g.console = consoleObject
  g.print = out(1)
  g.readline = readline
  g.require = (name: string) => {
    if (name === 'fs' || name === 'node:fs') return fs
    throw new Error(`Cannot find module '${name}': this JavaScript runs in a sandbox without Node modules or packages`)
  }
  g.process = { argv: ['js', 'main.js'], env: {}, platform: 'sandbox', stdout: write(1), stderr: write(2) }
  g.setTimeout = (fn: unknown, ms?: unknown, ...args: unknown[]) => add(fn, ms, args, false)
  g.setInterval = (fn: unknown, ms?: unknown, ...args: unknown[]) => add(fn, ms, args, true)
  g.setImmediate = (fn: unknown, ...args: unknown[]) => add(fn, 0, args, false)
  g.clearTimeout = g.clearInterval = g.clearImmediate = (id: unknown) => void timers.delete(Number(id))
  g.queueMicrotask = (fn: () => void) => void Promise.resolve().then(fn)
  delete g.__host

  return {
    next() {
      const t = earliest()
      return t ? Math.max(0, t.due - Date.now()) : -1
    },
    runNext() {
      const t = earliest()
      if (!t) return
      if (t.every === undefined) timers.delete(t.id)
      else {
        t.due += t.every
        t.seq = seq++
      }
      t.fn(...t.args)
    },
  }
}
