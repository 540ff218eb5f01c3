// The text a PDF from the host shows: its content streams inflated (fpdf
// compresses them with Flate) and every string a Tj operator draws, decoded
// as UTF-16 (the report's DejaVu Sans is a UTF-8 font in fpdf), joined.
import { inflateSync } from 'node:zlib'

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const streams: string[] = []
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    if (end < 0) continue
    const bytes = pdf.subarray(start, end)
    try {
      streams.push(inflateSync(bytes).toString('latin1'))
    } catch {
      streams.push(bytes.toString('latin1')) // not compressed
    }
  }
  let out = ''
  for (const s of streams) {
    for (const m of s.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) out += utf16(unescape(m[1]!))
  }
  return out
}

/** A PDF literal string's escapes undone (ISO 32000-1, 7.3.4.2), as bytes. */
function unescape(s: string): number[] {
  const out: number[] = []
  const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 }
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 === s.length) {
      out.push(s.charCodeAt(i))
      continue
    }
    const c = s[++i]!
    if (c in simple) out.push(simple[c]!)
    else if (/[0-7]/.test(c)) {
      let oct = c
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i]
      out.push(parseInt(oct, 8))
    } else if (c !== '\n') out.push(c.charCodeAt(0))
  }
  return out
}

function utf16(bytes: number[]): string {
  let s = ''
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
  return s
}
