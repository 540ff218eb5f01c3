// WorkspaceStore keeps what the host said about the room's workspace — each
// document's snapshot and language, the board's elements, the runs — as one
// immutable snapshot for React, and makes this browser a code runner for the
// room: the host sends `run.start` here when it picks this tab to run code.

import { useSyncExternalStore } from 'react'
import type { RoomClient } from '../connection/client'
import type { TakehomeResult } from '../../api/contract.gen'
import { Snapshots } from '../snapshots'
import type { DocId, RunInfo, RunStatus, WorkspaceMessage } from './messages'

export type DocState = {
  /** The snapshot the editor starts from (a new one after a resync). */
  snapshot: { version: number; text: string }
  /** Bumped with each snapshot: the editor restarts from it. */
  generation: number
  language: string
  /** Who changed the language last, when someone else did. */
  languageBy?: string
}

export type WorkspaceSnapshot = {
  docs: Partial<Record<DocId, DocState>>
  /** The board's elements as of connecting (the whiteboard merges the rest). */
  board: { elements: readonly unknown[]; generation: number } | undefined
  /** The latest run of each document. */
  runs: Partial<Record<DocId, RunInfo>>
  /** Interviewers: the take-home result the interview brings into the room. */
  takehome?: TakehomeResult
}

/** What runs code in this browser (the sandbox), as the store needs it. */
export interface CodeRunner {
  languages: readonly string[]
  run(
    language: string,
    code: string,
    opts: {
      timeoutMs: number
      stdin?: string
      onOutput: (stream: 'stdout' | 'stderr', text: string) => void
      /** The runtime is loaded and the code began (its time limit starts). */
      onBegin?: () => void
    },
  ): Promise<{ status: RunStatus; exitCode: number; durationMs: number; error?: string }>
  /** Loads a language's runtime ahead of a run (Python takes seconds). */
  prepare(language: string): void
  stop(): void
}

/** How often output of a run in this browser is sent to the host. */
const OUTPUT_FLUSH_MS = 50

export class WorkspaceStore extends Snapshots<WorkspaceSnapshot> {
  private runner: CodeRunner | undefined
  private running: string | undefined
  /** Warm the runtime of each document's language: this browser is the likely runner (an interviewer's). */
  private warm = false

  constructor(readonly client: RoomClient) {
    super({ docs: {}, board: undefined, runs: {} })
  }

  /**
   * Listens to the room connection and, with a runner, makes this browser
   * one of the room's code runners (the host is told after every welcome).
   * Returns the function that stops both.
   */
  start(runner?: CodeRunner, warm = false): () => void {
    this.runner = runner
    this.warm = warm
    if (runner) this.client.post({ type: 'runner', languages: runner.languages })
    const off = this.client.on('message', (m) => this.receive(m as WorkspaceMessage))
    return () => {
      off()
      runner?.stop()
      this.runner = undefined
    }
  }

  /** The current snapshot (getSnapshot). */
  get = (): WorkspaceSnapshot => this.snap

  private receive(m: WorkspaceMessage | { type: string }): void {
    switch (m.type) {
      case 'welcome':
        if (this.runner) this.client.post({ type: 'runner', languages: this.runner.languages })
        return
    }
    const w = m as WorkspaceMessage
    switch (w.type) {
      case 'code': {
        const prev = this.snap.docs[w.doc]
        const doc: DocState = {
          snapshot: { version: w.version, text: w.text },
          generation: (prev?.generation ?? 0) + 1,
          language: w.language,
        }
        this.set({ docs: { ...this.snap.docs, [w.doc]: doc } })
        if (this.warm) this.runner?.prepare(w.language)
        return
      }
      case 'code.language': {
        const prev = this.snap.docs[w.doc]
        if (!prev) return
        this.set({ docs: { ...this.snap.docs, [w.doc]: { ...prev, language: w.language, languageBy: w.by } } })
        if (this.warm) this.runner?.prepare(w.language)
        return
      }
      case 'board':
        this.set({ board: { elements: w.elements, generation: (this.snap.board?.generation ?? 0) + 1 } })
        return
      case 'run':
        this.set({ runs: { ...this.snap.runs, [w.run.doc]: w.run } })
        return
      case 'run.output': {
        for (const [doc, run] of Object.entries(this.snap.runs) as [DocId, RunInfo][]) {
          if (run.id !== w.run) continue
          const output = [...run.output]
          const last = output[output.length - 1]
          if (last && last.stream === w.stream) output[output.length - 1] = { ...last, text: last.text + w.text }
          else output.push({ stream: w.stream, text: w.text })
          this.set({ runs: { ...this.snap.runs, [doc]: { ...run, output } } })
        }
        return
      }
      case 'run.start':
        void this.carryOut(w)
        return
      case 'run.stop':
        if (this.running === w.run) this.runner?.stop()
        return
      case 'takehome':
        this.set({ takehome: w.result })
        return
    }
  }

  /** Runs code the host sent to this browser and reports back. */
  private async carryOut(m: Extract<WorkspaceMessage, { type: 'run.start' }>): Promise<void> {
    const runner = this.runner
    if (!runner) {
      this.client.post({ type: 'run.done', run: m.run, status: 'crashed', exitCode: -1, durationMs: 0, error: 'This browser cannot run code.' })
      return
    }
    if (this.running) runner.stop()
    this.running = m.run
    let pending: { stream: 'stdout' | 'stderr'; text: string }[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      timer = undefined
      for (const p of pending) this.client.post({ type: 'run.output', run: m.run, stream: p.stream, text: p.text })
      pending = []
    }
    try {
      const res = await runner.run(m.language, m.code, {
        timeoutMs: m.timeoutMs,
        stdin: m.stdin,
        onBegin: () => this.client.post({ type: 'run.begun', run: m.run }),
        onOutput: (stream, text) => {
          const last = pending[pending.length - 1]
          if (last && last.stream === stream) last.text += text
          else pending.push({ stream, text })
          timer ??= setTimeout(flush, OUTPUT_FLUSH_MS)
        },
      })
      if (timer) clearTimeout(timer)
      flush()
      this.client.post({
        type: 'run.done',
        run: m.run,
        status: res.status,
        exitCode: res.exitCode,
        durationMs: Math.round(res.durationMs),
        ...(res.error ? { error: res.error } : {}),
      })
    } catch (e) {
      if (timer) clearTimeout(timer)
      flush()
      const error = e instanceof Error ? e.message : String(e)
      this.client.post({ type: 'run.done', run: m.run, status: 'crashed', exitCode: -1, durationMs: 0, error })
    } finally {
      if (this.running === m.run) this.running = undefined
    }
  }
}

export function useWorkspace(store: WorkspaceStore): WorkspaceSnapshot {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
