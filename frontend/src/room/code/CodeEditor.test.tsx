import { language } from '@codemirror/language'
import { EditorView } from '@codemirror/view'
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CodeEditor, statusText, type CodeEditorProps } from './CodeEditor'
import { loadLanguage } from './languages'
import type { PasteInfo } from './paste'
import type { CodeStatus } from './sync'
import { renderRoot, settle, TestAuthority, type TestConnection } from './testing'

let page: ReturnType<typeof renderRoot>
let host: TestAuthority
let channel: TestConnection

beforeEach(() => {
  page = renderRoot()
  host = new TestAuthority({ text: 'x := 1\n', version: 4 })
  channel = host.connect('me')
})

afterEach(() => page.unmount())

type Extra = Partial<CodeEditorProps>

async function render(extra: Extra = {}) {
  const props: CodeEditorProps = {
    initial: host.snapshot(),
    channel,
    language: 'go',
    theme: 'light',
    label: 'Code editor (shared with the candidate)',
    ...extra,
  }
  await act(async () => {
    page.root.render(<CodeEditor {...props} />)
    await loadLanguage(props.language) // the editor asked for it; let it arrive
    await settle()
  })
  return props
}

function view(): EditorView {
  const dom = page.container.querySelector<HTMLElement>('.cm-editor')
  const v = dom && EditorView.findFromDOM(dom)
  if (!v) throw new Error('no editor')
  return v
}

async function deliverAll() {
  await act(async () => {
    for (let moved = true; moved; ) {
      moved = false
      while (channel.deliverToHost()) moved = true
      await settle()
      while (channel.deliverToClient()) {
        moved = true
        await settle()
      }
    }
  })
}

describe('CodeEditor', () => {
  it('has an accessible name and says how to leave with the keyboard', async () => {
    await render()
    const content = page.container.querySelector('.cm-content') as HTMLElement
    expect(content.getAttribute('role')).toBe('textbox')
    expect(content.getAttribute('aria-label')).toBe('Code editor (shared with the candidate)')
    const hint = document.getElementById(content.getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toBe('Tab indents. Press Escape, then Tab, to move out of the editor.')
    expect(view().state.doc.toString()).toBe('x := 1\n')
  })

  it('changes language, theme and read-only without a new editor', async () => {
    const props = await render()
    const first = view()
    expect(first.state.facet(language)?.name).toBe('go')
    await render({ ...props, language: 'python', theme: 'dark', readOnly: true, label: 'Code (read only)' })
    expect(view()).toBe(first)
    expect(first.state.facet(language)?.name).toBe('python')
    expect(first.state.facet(EditorView.darkTheme)).toBe(true)
    expect(first.state.readOnly).toBe(true)
    const content = page.container.querySelector('.cm-content') as HTMLElement
    expect(content.getAttribute('aria-readonly')).toBe('true')
    expect(content.getAttribute('aria-label')).toBe('Code (read only)')
  })

  it('reports saving, then saved, for local changes', async () => {
    const statuses: CodeStatus[] = []
    await render({ onStatus: (s) => statuses.push(s) })
    act(() => view().dispatch({ changes: { from: 0, insert: '// hi\n' }, userEvent: 'input.type' }))
    expect(statuses.at(-1)).toMatchObject({ pending: 1, synced: false })
    expect(statusText(statuses.at(-1) as CodeStatus)).toBe('Saving…')
    await deliverAll()
    expect(statuses.at(-1)).toEqual({ pending: 0, synced: true, offline: false })
    expect(statusText(statuses.at(-1) as CodeStatus)).toBe('All changes saved')
    expect(host.text).toBe('// hi\nx := 1\n')
  })

  it('lists who else is in the editor and announces them', async () => {
    await render()
    const other = host.connect('conn-2', 'Alex Recruiter', '#6d6ad8')
    other.sendCursor(7, 7)
    other.deliverToHost()
    await deliverAll()
    const list = page.container.querySelector('ul[aria-label="Also in the editor"]')
    expect(list?.textContent).toBe('Alex Recruiter, line 2')
    expect(page.container.querySelector('[role="status"]')?.textContent).toBe('Alex Recruiter is in the editor.')
    expect(page.container.querySelector<HTMLElement>('.cm-remoteCaret-label')?.dataset.name).toBe('Alex Recruiter')
    other.disconnect()
    await deliverAll()
    expect(page.container.querySelector('ul[aria-label="Also in the editor"]')).toBeNull()
    expect(page.container.querySelector('[role="status"]')?.textContent).toBe('Alex Recruiter left the editor.')
  })

  it('keeps its language through a snapshot reset', async () => {
    await render({ language: 'typescript' })
    const v = view()
    const other = host.connect('conn-2')
    channel.disconnect()
    const push = other.push(host.version, [{ clientID: 'other', changes: [7, [0, 'let y = 2', '']] }])
    other.deliverToHost()
    while (other.deliverToClient()) await settle()
    expect(await push).toBe('accepted')
    channel.reconnect()
    await deliverAll()
    expect(v.state.doc.toString()).toBe('x := 1\nlet y = 2\n')
    expect(v.state.facet(language)?.name).toBe('typescript')
  })

  it('reports pastes', async () => {
    const pastes: PasteInfo[] = []
    await render({ onPaste: (p) => pastes.push(p) })
    const data = new DataTransfer()
    data.setData('text/plain', 'fmt.Println("hi")')
    act(() => {
      view().contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    expect(pastes).toEqual([{ length: 17, external: true }])
  })
})
