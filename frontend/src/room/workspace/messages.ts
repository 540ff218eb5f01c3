// The workspace's messages on the room channel (docs/room-protocol.md,
// "Workspace"): code documents, the whiteboard, runs. Everything that arrives
// is checked here; a malformed frame is dropped with a reason.

import type { TakehomeResult, TakehomeTask } from '../../api/contract.gen'

export type DocId = 'main' | 'pad'
export type CodeUpdateWire = { clientID: string; changes: unknown }
export type RunStatus = 'ok' | 'error' | 'timeout' | 'stopped' | 'memory' | 'crashed'
export type RunOutputPart = { stream: 'stdout' | 'stderr'; text: string }
export type RunInfo = {
  id: string
  doc: DocId
  language: string
  state: 'running' | 'done'
  status?: RunStatus
  by: { role: string; name?: string }
  runner: string
  startedAt: string
  /** When the runner's runtime was loaded and the code began; absent while it loads. */
  begunAt?: string
  output: RunOutputPart[]
  exitCode?: number
  durationMs?: number
  error?: string
  truncated?: boolean
}

export type WorkspaceMessage =
  | { type: 'code'; doc: DocId; version: number; text: string; language: string }
  | { type: 'code.updates'; doc: DocId; version: number; updates: CodeUpdateWire[] }
  | { type: 'code.language'; doc: DocId; language: string; by: string }
  | { type: 'cursor'; doc: DocId; from: string; name: string; color: string; anchor: number; head: number }
  | { type: 'cursor'; doc: DocId; from: string; gone: true }
  | { type: 'board'; elements: unknown[] }
  | { type: 'board.updates'; from: string; elements: unknown[] }
  | {
      type: 'pointer'
      from: string
      name: string
      color: string
      x: number
      y: number
      button: 'up' | 'down'
      tool: 'pointer' | 'laser'
    }
  | { type: 'pointer'; from: string; gone: true }
  | { type: 'run'; run: RunInfo }
  | { type: 'run.output'; run: string; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'run.start'; run: string; doc: DocId; language: string; code: string; stdin: string; timeoutMs: number }
  | { type: 'run.stop'; run: string }
  | { type: 'takehome'; result: TakehomeResult }

export type WorkspaceClientMessage =
  | { type: 'code.push'; doc: DocId; version: number; updates: CodeUpdateWire[] }
  | { type: 'code.pull'; doc: DocId; version: number }
  | { type: 'code.language'; doc: DocId; language: string }
  | { type: 'code.starter'; doc: DocId; question: number }
  | { type: 'code.takehome'; doc: DocId; task: number }
  | { type: 'cursor'; doc: DocId; anchor: number; head: number }
  | { type: 'board.push'; elements: readonly unknown[] }
  | { type: 'pointer'; x: number; y: number; button: 'up' | 'down'; tool: 'pointer' | 'laser' }
  | { type: 'run'; doc: DocId; stdin?: string }
  | { type: 'run.stop'; run: string }
  | { type: 'runner'; languages: readonly string[] }
  | { type: 'run.begun'; run: string }
  | { type: 'run.output'; run: string; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'run.done'; run: string; status: RunStatus; exitCode: number; durationMs: number; error?: string }
  | { type: 'activity'; kind: 'paste'; doc: DocId; length: number; external: boolean }
  | { type: 'activity'; kind: 'blur' | 'focus' }

type Obj = Record<string, unknown>
type Parsed = { ok: true; value: WorkspaceMessage } | { ok: false; error: string }

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const docOf = (v: unknown): DocId | undefined => (v === 'main' || v === 'pad' ? v : undefined)
const STATUSES: readonly RunStatus[] = ['ok', 'error', 'timeout', 'stopped', 'memory', 'crashed']
const streamOf = (v: unknown) => (v === 'stdout' || v === 'stderr' ? v : undefined)

/** The message types this module parses. */
export const WORKSPACE_TYPES = new Set([
  'code',
  'code.updates',
  'code.language',
  'cursor',
  'board',
  'board.updates',
  'pointer',
  'run',
  'run.output',
  'run.start',
  'run.stop',
  'takehome',
])

function updatesOf(v: unknown): CodeUpdateWire[] | undefined {
  if (!Array.isArray(v)) return undefined
  const out: CodeUpdateWire[] = []
  for (const u of v) {
    if (!isObj(u) || !isStr(u.clientID) || !Array.isArray(u.changes)) return undefined
    out.push({ clientID: u.clientID, changes: u.changes })
  }
  return out
}

function runOf(v: unknown): RunInfo | undefined {
  if (!isObj(v) || !isStr(v.id)) return undefined
  const doc = docOf(v.doc)
  if (!doc || (v.state !== 'running' && v.state !== 'done')) return undefined
  const by = isObj(v.by) ? v.by : {}
  const run: RunInfo = {
    id: v.id,
    doc,
    language: isStr(v.language) ? v.language : '',
    state: v.state,
    by: { role: isStr(by.role) ? by.role : '', ...(isStr(by.name) ? { name: by.name } : {}) },
    runner: isStr(v.runner) ? v.runner : '',
    startedAt: isStr(v.startedAt) ? v.startedAt : '',
    output: Array.isArray(v.output)
      ? v.output.flatMap((o) => {
          const stream = isObj(o) ? streamOf(o.stream) : undefined
          return stream && isObj(o) && isStr(o.text) ? [{ stream, text: o.text }] : []
        })
      : [],
  }
  if (v.state === 'done' && STATUSES.includes(v.status as RunStatus)) run.status = v.status as RunStatus
  if (isStr(v.begunAt) && v.begunAt) run.begunAt = v.begunAt
  if (isNum(v.exitCode)) run.exitCode = v.exitCode
  if (isNum(v.durationMs)) run.durationMs = v.durationMs
  if (isStr(v.error) && v.error) run.error = v.error
  if (v.truncated === true) run.truncated = true
  return run
}

const bad = (error: string): Parsed => ({ ok: false, error })

/** A take-home result (interviewers only): the fields the Assessment panel shows. */
function takehomeOf(v: unknown): TakehomeResult | undefined {
  if (!isObj(v) || !isStr(v.id) || !isStr(v.assessment) || !isNum(v.score) || !isNum(v.maxScore)) return undefined
  const tasks: TakehomeTask[] = []
  for (const t of Array.isArray(v.tasks) ? v.tasks : []) {
    if (!isObj(t) || !isStr(t.title) || !isNum(t.score) || !isNum(t.maxScore)) return undefined
    tasks.push({
      title: t.title,
      score: t.score,
      maxScore: t.maxScore,
      editorLanguage: (isStr(t.editorLanguage) ? t.editorLanguage : 'plaintext') as TakehomeTask['editorLanguage'],
      ...(isStr(t.language) ? { language: t.language } : {}),
      ...(isNum(t.timeSpentSeconds) ? { timeSpentSeconds: t.timeSpentSeconds } : {}),
      ...(isStr(t.code) ? { code: t.code } : {}),
      tests: (Array.isArray(t.tests) ? t.tests : []).flatMap((x) =>
        isObj(x) && isStr(x.name) ? [{ name: x.name, passed: x.passed === true, ...(isStr(x.message) ? { message: x.message } : {}) }] : [],
      ),
    })
  }
  return {
    id: v.id,
    candidateId: isStr(v.candidateId) ? v.candidateId : '',
    candidate: isObj(v.candidate) ? { name: String(v.candidate.name ?? ''), email: String(v.candidate.email ?? '') } : { name: '', email: '' },
    assessment: v.assessment,
    completedAt: isStr(v.completedAt) ? v.completedAt : '',
    score: v.score,
    maxScore: v.maxScore,
    tasks,
    source: isStr(v.source) ? v.source : '',
    importedAt: isStr(v.importedAt) ? v.importedAt : '',
    updatedAt: isStr(v.updatedAt) ? v.updatedAt : '',
    ...(isStr(v.position) && v.position ? { position: v.position } : {}),
  }
}

/** Parses a workspace message (m.type is one of WORKSPACE_TYPES). */
export function parseWorkspaceMessage(m: Obj): Parsed {
  const doc = docOf(m.doc)
  switch (m.type) {
    case 'code':
      if (!doc || !isNum(m.version) || !isStr(m.text) || !isStr(m.language)) return bad('malformed code snapshot')
      return { ok: true, value: { type: 'code', doc, version: m.version, text: m.text, language: m.language } }
    case 'code.updates': {
      const updates = updatesOf(m.updates)
      if (!doc || !isNum(m.version) || !updates) return bad('malformed code updates')
      return { ok: true, value: { type: 'code.updates', doc, version: m.version, updates } }
    }
    case 'code.language':
      if (!doc || !isStr(m.language)) return bad('malformed language change')
      return { ok: true, value: { type: 'code.language', doc, language: m.language, by: isStr(m.by) ? m.by : '' } }
    case 'cursor':
      if (!doc || !isStr(m.from)) return bad('malformed cursor')
      if (m.gone === true) return { ok: true, value: { type: 'cursor', doc, from: m.from, gone: true } }
      if (!isNum(m.anchor) || !isNum(m.head)) return bad('malformed cursor')
      return {
        ok: true,
        value: {
          type: 'cursor',
          doc,
          from: m.from,
          name: isStr(m.name) ? m.name : '',
          color: isStr(m.color) ? m.color : '#1c7ed6',
          anchor: m.anchor,
          head: m.head,
        },
      }
    case 'board':
      if (!Array.isArray(m.elements)) return bad('malformed board')
      return { ok: true, value: { type: 'board', elements: m.elements } }
    case 'board.updates':
      if (!Array.isArray(m.elements) || !isStr(m.from)) return bad('malformed board updates')
      return { ok: true, value: { type: 'board.updates', from: m.from, elements: m.elements } }
    case 'pointer':
      if (!isStr(m.from)) return bad('malformed pointer')
      if (m.gone === true) return { ok: true, value: { type: 'pointer', from: m.from, gone: true } }
      if (!isNum(m.x) || !isNum(m.y)) return bad('malformed pointer')
      return {
        ok: true,
        value: {
          type: 'pointer',
          from: m.from,
          name: isStr(m.name) ? m.name : '',
          color: isStr(m.color) ? m.color : '#1c7ed6',
          x: m.x,
          y: m.y,
          button: m.button === 'down' ? 'down' : 'up',
          tool: m.tool === 'laser' ? 'laser' : 'pointer',
        },
      }
    case 'run': {
      const run = runOf(m.run)
      return run ? { ok: true, value: { type: 'run', run } } : bad('malformed run')
    }
    case 'run.output': {
      const stream = streamOf(m.stream)
      if (!isStr(m.run) || !stream || !isStr(m.text)) return bad('malformed run output')
      return { ok: true, value: { type: 'run.output', run: m.run, stream, text: m.text } }
    }
    case 'run.start':
      if (!isStr(m.run) || !doc || !isStr(m.language) || !isStr(m.code) || !isNum(m.timeoutMs)) return bad('malformed run.start')
      return {
        ok: true,
        value: {
          type: 'run.start',
          run: m.run,
          doc,
          language: m.language,
          code: m.code,
          stdin: isStr(m.stdin) ? m.stdin : '',
          timeoutMs: m.timeoutMs,
        },
      }
    case 'run.stop':
      if (!isStr(m.run)) return bad('malformed run.stop')
      return { ok: true, value: { type: 'run.stop', run: m.run } }
    case 'takehome': {
      const result = takehomeOf(m.result)
      return result ? { ok: true, value: { type: 'takehome', result } } : bad('malformed take-home result')
    }
  }
  return bad(`unknown message type ${JSON.stringify(m.type)}`)
}
