// In-browser code execution for the room: JavaScript and TypeScript (QuickJS),
// Python (Pyodide) and SQL (SQLite), each in a locked-down Web Worker, all
// served by the host itself and running offline.
export { Sandbox, type RunHandle, type SandboxOptions } from './sandbox'
export {
  BROWSER_LANGUAGES,
  DEFAULT_MAX_OUTPUT_BYTES,
  isRunLanguage,
  type OutputStream,
  type RunLanguage,
  type RunOptions,
  type RunResult,
  type RunStatus,
  type RuntimeState,
} from './types'
