// The Python worker.
import { loadPython, PYTHON_MEMORY_LIMIT } from '../engines/python'
import { capWasmMemory } from './memory'
import { serveRuns } from './serve'

capWasmMemory(PYTHON_MEMORY_LIMIT)
serveRuns(loadPython)
