// Light/dark theme: follows prefers-color-scheme unless the user picked one,
// which is kept in localStorage and applied as <html data-theme="…">.

export type ThemeChoice = 'system' | 'light' | 'dark'

const KEY = 'interviewdesk.theme'

export function storedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, choice)
  } catch {
    // storage unavailable: the choice lasts for this session
  }
  applyTheme(choice)
}
