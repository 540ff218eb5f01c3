import './styles/tokens.css'
import './styles/base.css'
import './styles/components.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { requestFirstScreen } from './app/firstScreen'
import { earlyAnswersIn } from './api/early'
import { applyTheme, storedTheme } from './ui/theme'

applyTheme(storedTheme())
requestFirstScreen()

/** How long the first render waits for the first screen's data at most. */
const FIRST_RENDER_WAIT_MS = 300

// The first screen renders once its early answers are in (a moment on a
// near host), so it shows with its data instead of a row of loading states; a
// slow host gets the loading states after a short wait.
const root = document.getElementById('root')
if (root) {
  void earlyAnswersIn(FIRST_RENDER_WAIT_MS).then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )
}
