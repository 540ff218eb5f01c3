import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { testRoot } from '../ui/testRoot'
import { ToastProvider } from '../ui/toasts'
import { DownloadLink } from './DownloadLink'

const dom = testRoot()
afterEach(() => {
  delete window.go
})

function render(name?: string) {
  dom.render(
    <ToastProvider>
      <DownloadLink path="/api/interviews/iv1/report.pdf" name={name}>
        Download report (PDF)
      </DownloadLink>
    </ToastProvider>,
  )
  return dom.container.querySelector('a')!
}

describe('DownloadLink', () => {
  it('in a browser is a download link, named by the host when it names no file', () => {
    const a = render()
    expect(a.getAttribute('href')).toBe('/api/interviews/iv1/report.pdf')
    expect(a.getAttribute('download')).toBe('')
  })

  it('in the desktop app asks the save dialog, with the host’s name when it has none', async () => {
    const SaveDownload = vi.fn(async () => '/home/alex/Report.pdf')
    window.go = { app: { Native: { SaveDownload } as never } }
    const a = render()
    await act(async () => a.click())
    expect(SaveDownload).toHaveBeenCalledWith('/api/interviews/iv1/report.pdf', '')
    expect(dom.container.textContent).toContain('Saved /home/alex/Report.pdf')
  })
})
