// Query results as aligned text, the way psql prints them:
//
//    id | name
//   ----+-------
//     1 | Alice
//   (1 row)
//
// Numbers are right-aligned, everything else left-aligned; NULL reads NULL.

export type SqlValue = number | bigint | string | Uint8Array | null

/** Rows shown per result; the engine stops reading after one more. */
export const MAX_TABLE_ROWS = 500

const MAX_CELL = 200
const MAX_BLOB_BYTES = 32

export function formatTable(columns: readonly string[], rows: readonly (readonly SqlValue[])[], more = false): string {
  const cells = rows.map((row) => columns.map((_, i) => cellText(row[i] ?? null)))
  const widths = columns.map((name, i) => Math.max(width(name), ...cells.map((r) => width(r[i]!))))
  const right = columns.map((_, i) => numeric(rows.map((r) => r[i] ?? null)))
  const line = (texts: string[], alignRight: boolean[]) =>
    ' ' + texts.map((t, i) => pad(t, widths[i]!, alignRight[i]!)).join(' | ') + ' '
  const out = [
    line(columns.slice(), columns.map(() => false)).trimEnd(),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    ...cells.map((r) => line(r, right).trimEnd()),
    footer(rows.length, more),
  ]
  return out.join('\n') + '\n'
}

function footer(count: number, more: boolean): string {
  if (more) return `(first ${count} rows shown)`
  return count === 1 ? '(1 row)' : `(${count} rows)`
}

export function cellText(v: SqlValue): string {
  if (v === null) return 'NULL'
  if (typeof v === 'number' || typeof v === 'bigint') return String(v)
  if (v instanceof Uint8Array) return blobText(v)
  const flat = v.replace(/\r?\n/g, '\\n').replace(/\t/g, '\\t')
  return [...flat].length > MAX_CELL ? [...flat].slice(0, MAX_CELL - 1).join('') + '…' : flat
}

function blobText(b: Uint8Array): string {
  const hex = Array.from(b.subarray(0, MAX_BLOB_BYTES), (x) => x.toString(16).padStart(2, '0')).join('')
  return `x'${hex}${b.length > MAX_BLOB_BYTES ? '…' : ''}'`
}

/** A column of numbers (NULLs allowed, at least one number). */
function numeric(values: SqlValue[]): boolean {
  const isNumber = (v: SqlValue) => typeof v === 'number' || typeof v === 'bigint'
  return values.some(isNumber) && values.every((v) => v === null || isNumber(v))
}

/** Display width in code points (wide East Asian characters count as one). */
function width(s: string): number {
  return [...s].length
}

function pad(s: string, w: number, alignRight: boolean): string {
  const fill = ' '.repeat(w - width(s))
  return alignRight ? fill + s : s + fill
}
