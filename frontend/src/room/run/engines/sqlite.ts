// SQL in SQLite (sql.js). Every run gets a fresh in-memory database; the
// script's statements run in order, each result set printed as a table.
// SQLite's own heap limit turns a memory bomb into an "out of memory" error;
// one step that never returns is the page's to end (it terminates the worker).
import initSqlJs, { type Database, type SqlJsStatic, type Statement } from 'sql.js'
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url'
import type { RunRequest, WorkerOutcome } from '../workerMessages'
import { EXIT_CODE } from '../outcome'
import { formatTable, MAX_TABLE_ROWS, type SqlValue } from '../sqlTable'
import type { RunOutput, Runner } from '../worker/serve'

export const SQL_HEAP_LIMIT = 256 * 1024 * 1024

export async function loadSqlite(): Promise<Runner> {
  const sql = await initSqlJs({ locateFile: () => wasmUrl })
  return async (req, out) => runSql(sql, req, out)
}

export function runSql(sql: SqlJsStatic, req: RunRequest, out: RunOutput): WorkerOutcome {
  const deadline = Date.now() + req.timeoutMs
  const db = new sql.Database()
  let printed = 0
  try {
    // SQL can lower the heap limit but never raise it again (SQLite's rule);
    // temporary tables and sorts then count against it too.
    db.exec(`PRAGMA hard_heap_limit = ${SQL_HEAP_LIMIT}; PRAGMA temp_store = MEMORY`)
    for (const stmt of db.iterateStatements(req.code)) {
      const table = readResult(stmt, () => out.full || Date.now() >= deadline)
      if (table) {
        out.write('stdout', (printed++ > 0 ? '\n' : '') + formatTable(table.columns, table.rows, table.more))
      }
      if (out.full) return { status: 'stopped', exitCode: EXIT_CODE.stopped, truncated: true, retire: false }
      if (Date.now() >= deadline) return { status: 'timeout', exitCode: EXIT_CODE.timeout, truncated: false, retire: false }
    }
    return { status: 'ok', exitCode: 0, truncated: false, retire: false }
  } catch (err) {
    return failed(err, out)
  } finally {
    close(db)
  }
}

type Result = { columns: string[]; rows: SqlValue[][]; more: boolean }

/** Steps one statement to its end; a statement with result columns comes back as a table. */
function readResult(stmt: Statement, stop: () => boolean): Result | undefined {
  const columns = stmt.getColumnNames()
  if (columns.length === 0) {
    while (stmt.step()) {
      // a statement without result columns: run it to its end
    }
    return undefined
  }
  const rows: SqlValue[][] = []
  while (stmt.step()) {
    if (rows.length === MAX_TABLE_ROWS) return { columns, rows, more: true }
    rows.push(stmt.get())
    if (stop()) break
  }
  return { columns, rows, more: false }
}

function failed(err: unknown, out: RunOutput): WorkerOutcome {
  const message = err instanceof Error ? err.message : String(err)
  if (/out of memory/i.test(message)) {
    const error = `Memory limit reached (${SQL_HEAP_LIMIT / (1024 * 1024)} MiB).`
    out.write('stderr', `Error: ${error}\n`)
    return { status: 'memory', exitCode: EXIT_CODE.memory, error, truncated: false, retire: false }
  }
  out.write('stderr', `Error: ${message}\n`)
  return { status: 'error', exitCode: 1, error: `Error: ${message}`, truncated: false, retire: false }
}

function close(db: Database): void {
  try {
    db.close()
  } catch {
    // a database that failed mid-statement may refuse; it is dropped either way
  }
}
