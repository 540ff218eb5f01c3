// The SQL worker.
import { loadSqlite, SQL_HEAP_LIMIT } from '../engines/sqlite'
import { capWasmMemory } from './memory'
import { serveRuns } from './serve'

capWasmMemory(SQL_HEAP_LIMIT + 64 * 1024 * 1024)
serveRuns(loadSqlite)
