// The JavaScript and TypeScript worker.
import { loadQuickJS } from '../engines/quickjs'
import { capWasmMemory } from './memory'
import { serveRuns } from './serve'

capWasmMemory(256 * 1024 * 1024)
serveRuns(loadQuickJS)
