// A test page for editor.browser.ts: two shared editors on one in-memory host, its
// messages delivered every few milliseconds, a language picker and a theme switch.

import '../../../styles/tokens.css'
import '../../../styles/base.css'
import '../../../styles/components.css'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'
import { CodeEditor, LanguagePicker, type CodeStatus, type EditorTheme, type LanguageId, type PasteInfo } from '../index'
import { applyTheme } from '../../../ui/theme'
import { TestAuthority } from '../testing'

const host = new TestAuthority({ text: 'package main\n\nfunc main() {\n}\n' })
const conns = { a: host.connect('conn-a', 'Alex', '#d6336c'), b: host.connect('conn-b', 'Bo', '#2b8a3e') }
const log = { pastes: [] as PasteInfo[], status: {} as Record<string, CodeStatus> }
Object.assign(window, { codeCheck: { host, log } })

setInterval(() => {
  for (const c of Object.values(conns)) {
    while (c.deliverToHost());
    while (c.deliverToClient());
  }
}, 5)

function App() {
  const [language, setLanguage] = useState<LanguageId>('go')
  const [theme, setTheme] = useState<EditorTheme>('light')
  const initial = host.snapshot()
  return (
    <main style={{ padding: 16, display: 'grid', gap: 12 }}>
      <div style={{ display: 'flex', gap: 12 }}>
        <LanguagePicker value={language} onChange={setLanguage} />
        <button
          type="button"
          onClick={() => {
            // As the room does: the page's scheme and the editor's prop together.
            const next = theme === 'light' ? 'dark' : 'light'
            applyTheme(next)
            setTheme(next)
          }}
        >
          Switch theme
        </button>
      </div>
      {(['a', 'b'] as const).map((k) => (
        <section key={k} data-editor={k} style={{ height: 220, display: 'grid', gap: 8 }}>
          <CodeEditor
            initial={initial}
            channel={conns[k]}
            language={language}
            theme={theme}
            label={`Editor ${k.toUpperCase()}`}
            onPaste={(p) => log.pastes.push(p)}
            onStatus={(s) => (log.status[k] = s)}
          />
          <button type="button">After {k.toUpperCase()}</button>
        </section>
      ))}
    </main>
  )
}

const el = document.getElementById('root')
if (el) createRoot(el).render(<App />)
