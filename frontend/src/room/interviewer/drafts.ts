// Local drafts of the interviewer's notes and comments (localStorage), so a
// network drop, a crash or a reload never loses what was typed. The host is the
// truth for everything it acknowledged; a draft wins only with edits the host
// has not acknowledged yet.

export type Draft = {
  text: string
  /** The text the host last acknowledged (undefined: never). */
  acked: string | undefined
  updatedAt: number
}

/** Which text to show after (re)connecting, and whether it still has to be saved. */
export function reconcile(server: string | undefined, draft: Draft | undefined): { text: string; needsSave: boolean } {
  const serverText = server ?? ''
  if (!draft || draft.text === serverText) return { text: serverText, needsSave: false }
  const unsent = draft.text !== draft.acked
  if (unsent) return { text: draft.text, needsSave: true }
  return { text: serverText, needsSave: false }
}

export class DraftStore {
  constructor(
    private readonly key: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = safeLocalStorage(),
  ) {}

  private all(): Record<string, Draft> {
    try {
      const v = JSON.parse(this.storage?.getItem(this.key) ?? '{}') as unknown
      return typeof v === 'object' && v !== null ? (v as Record<string, Draft>) : {}
    } catch {
      return {}
    }
  }

  get(id: string): Draft | undefined {
    const d = this.all()[id]
    return d && typeof d.text === 'string' ? d : undefined
  }

  /** Records typed text (not yet acknowledged). */
  edit(id: string, text: string): void {
    const all = this.all()
    all[id] = { text, acked: all[id]?.acked, updatedAt: Date.now() }
    this.write(all)
  }

  /** Records that the host acknowledged `text`. */
  ack(id: string, text: string): void {
    const all = this.all()
    const d = all[id]
    all[id] = { text: d?.text ?? text, acked: text, updatedAt: d?.updatedAt ?? Date.now() }
    this.write(all)
  }

  private write(all: Record<string, Draft>): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(all))
    } catch {
      // storage full or unavailable: the autosave still runs
    }
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}
