import { useMemo, useRef, useState } from 'react'
import { ApiError, errorMessage } from '../api/client'
import {
  deleteTemplate,
  duplicateTemplate,
  exportTemplate,
  importTemplates,
  listTemplates,
} from '../api/templates'
import type { TemplateSummary } from '../api/types'
import { openTextFile, saveTextFile } from '../platform/native'
import { formatDuration } from '../platform/time'
import { href, navigate } from '../app/router'
import { useKeyShortcut } from '../ui/shortcuts'
import { useToast } from '../ui/toasts'
import { Dialog } from '../ui/Dialog'
import { EmptyState, LoadError, PageHeader } from '../ui/Feedback'
import { useAsync } from '../ui/useAsync'
import { exportFileName } from './templateForm'
import { TemplatePreviewDialog } from './TemplatePreview'

export function matchesTemplate(t: TemplateSummary, q: string): boolean {
  const needle = q.trim().toLowerCase()
  if (!needle) return true
  return [t.name, t.specialization, t.description].some((s) => s.toLowerCase().includes(needle))
}

export function kindLabel(t: Pick<TemplateSummary, 'technical' | 'questionCount'>): string {
  if (!t.technical || t.questionCount === 0) return 'Plan only'
  return `Technical · ${t.questionCount} ${t.questionCount === 1 ? 'question' : 'questions'}`
}

/**
 * An error with its field messages spelled out, for places without fields to
 * show them next to (e.g. an import: "templates[2].plan: Add at least one plan topic.").
 */
export function describeError(e: unknown): string {
  const main = errorMessage(e)
  if (!(e instanceof ApiError)) return main
  const entries = Object.entries(e.fields)
  if (entries.length === 0) return main
  const details = entries.map(([k, v]) => `${k}: ${v}`).join(' ')
  const generic = entries.length === 1 && entries[0]?.[1] === main
  return generic ? details : `${main} ${details}`
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Interview setup with the template chosen. */
const newInterviewHref = (templateId: string) => `#/interviews/new?template=${encodeURIComponent(templateId)}`

export function TemplateListPage() {
  const list = useAsync((signal) => listTemplates(signal), [])
  const [query, setQuery] = useState('')
  const [toDelete, setToDelete] = useState<TemplateSummary | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const toast = useToast()

  useKeyShortcut('/', () => searchRef.current?.focus())

  const shown = useMemo(() => (list.data ?? []).filter((t) => matchesTemplate(t, query)), [list.data, query])

  const fail = (e: unknown, what: string) => {
    toast({ tone: 'error', message: `${what}: ${describeError(e)}`, duration: 0 })
  }

  const onImport = async () => {
    try {
      const file = await openTextFile('Import interview templates')
      if (file.content === '') return
      const imported = await importTemplates(file.content)
      toast({
        tone: 'success',
        message:
          imported.length === 1
            ? `Imported “${imported[0]?.name ?? ''}”.`
            : `Imported ${imported.length} templates.`,
      })
      list.reload()
    } catch (e) {
      fail(e, 'Import failed')
    }
  }

  const onExport = async (t: TemplateSummary) => {
    try {
      const text = await exportTemplate(t.id)
      const saved = await saveTextFile(exportFileName(t.name), text)
      if (saved) toast({ tone: 'success', message: `Exported “${t.name}” to ${saved}.` })
    } catch (e) {
      fail(e, 'Export failed')
    }
  }

  const onDuplicate = async (t: TemplateSummary) => {
    try {
      const copy = await duplicateTemplate(t.id)
      toast({ tone: 'success', message: `Created “${copy.name}”.` })
      list.reload()
    } catch (e) {
      fail(e, 'Could not duplicate')
    }
  }

  const onDelete = async () => {
    if (!toDelete) return
    setBusy(true)
    try {
      await deleteTemplate(toDelete.id)
      toast({ tone: 'success', message: `Deleted “${toDelete.name}”.` })
      setToDelete(null)
      list.reload()
    } catch (e) {
      fail(e, 'Could not delete')
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <PageHeader
        title="Interview templates"
        actions={
          <>
            <button type="button" className="btn" onClick={onImport}>
              Import
            </button>
            <a className="btn" href="#/templates/new">
              New template
            </a>
          </>
        }
      >
        <p className="page-subtitle">Pick a template, then Create interview.</p>
      </PageHeader>

      <div className="toolbar">
        <div className="search">
          <label htmlFor="template-search" className="visually-hidden">
            Search templates
          </label>
          <input
            ref={searchRef}
            id="template-search"
            type="search"
            className="input"
            placeholder="Search templates"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-keyshortcuts="/"
          />
          <kbd className="search-kbd" aria-hidden="true">
            /
          </kbd>
        </div>
        <p className="toolbar-count" aria-live="polite">
          {list.data ? plural(shown.length, 'template', 'templates') : '\u00a0'}
        </p>
      </div>

      {list.error !== undefined ? (
        <LoadError error={list.error} onRetry={list.reload} what="templates" />
      ) : list.data === undefined ? (
        <div className="card-grid" aria-busy="true" aria-label="Loading templates">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="card card-skeleton" />
          ))}
        </div>
      ) : list.data.length === 0 ? (
        <EmptyState title="No interview templates yet.">
          <p>
            Templates hold the interview plan and, for technical interviews, the questions. Create one with New
            template, or Import a template file.
          </p>
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`No templates match “${query.trim()}”.`}>
          <button type="button" className="btn" onClick={() => setQuery('')}>
            Clear search
          </button>
        </EmptyState>
      ) : (
        <ul className="card-grid" aria-label="Templates">
          {shown.map((t) => (
            <li key={t.id}>
              <TemplateCard
                t={t}
                onPreview={(x) => setPreview(x.id)}
                onDelete={setToDelete}
                onDuplicate={onDuplicate}
                onExport={onExport}
              />
            </li>
          ))}
        </ul>
      )}

      {preview && (
        <TemplatePreviewDialog
          templateId={preview}
          onClose={() => setPreview(null)}
          onUse={(t) => navigate(newInterviewHref(t.id))}
        />
      )}

      {toDelete && (
        <Dialog
          title={`Delete “${toDelete.name}”?`}
          description="Interviews already scheduled from it keep their own copy. This cannot be undone."
          onClose={() => setToDelete(null)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setToDelete(null)} data-autofocus>
                Cancel
              </button>
              <button type="button" className="btn btn-danger" onClick={onDelete} disabled={busy}>
                Delete template
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </>
  )
}

type CardProps = {
  t: TemplateSummary
  onPreview: (t: TemplateSummary) => void
  onDelete: (t: TemplateSummary) => void
  onDuplicate: (t: TemplateSummary) => void
  onExport: (t: TemplateSummary) => void
}

function TemplateCard({ t, onPreview, onDelete, onDuplicate, onExport }: CardProps) {
  const titleId = `tpl-${t.id}-title`
  return (
    <article className="card template-card" aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId} className="card-title">
          {t.name}
        </h2>
        <div className="badges">
          {t.specialization && <span className="badge">{t.specialization}</span>}
          {t.builtIn && <span className="badge badge-muted">Built-in</span>}
        </div>
      </div>
      <p className="card-meta">
        <span>{kindLabel(t)}</span>
        <span aria-hidden="true"> · </span>
        <span>{plural(t.topicCount, 'topic', 'topics')}</span>
        <span aria-hidden="true"> · </span>
        <span>{formatDuration(t.durationMinutes)}</span>
      </p>
      <p className="card-description">{t.description || '\u00a0'}</p>
      <div className="card-actions">
        <a className="btn btn-primary" href={newInterviewHref(t.id)}>
          Create interview
        </a>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onPreview(t)}>
          Preview
        </button>
        <a className="btn btn-small btn-ghost" href={href('templates', t.id)}>
          Edit
        </a>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onDuplicate(t)}>
          Duplicate
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onExport(t)}>
          Export
        </button>
        <button type="button" className="btn btn-small btn-ghost btn-ghost-danger" onClick={() => onDelete(t)}>
          Delete
        </button>
      </div>
    </article>
  )
}
