// A download of one of the console API's files: a plain download link in a
// browser; in the desktop app, whose webview has no downloads, the system's
// save dialog (platform/native.ts). Without a `name` the host's name for the
// file is offered (its Content-Disposition).

import type { ReactNode } from 'react'
import { errorMessage } from '../api/client'
import { isDesktop, saveDownload } from '../platform/native'
import { useToast } from '../ui/toasts'

export function DownloadLink({ path, name, primary = false, children }: { path: string; name?: string; primary?: boolean; children: ReactNode }) {
  const toast = useToast()
  return (
    <a
      className={primary ? 'btn btn-primary' : 'btn'}
      href={path}
      download={name ?? ''}
      onClick={(e) => {
        if (!isDesktop()) return
        e.preventDefault()
        saveDownload(path, name ?? '').then(
          (saved) => saved && toast({ message: `Saved ${saved}` }),
          (err: unknown) => toast({ tone: 'error', message: errorMessage(err) }),
        )
      }}
    >
      {children}
    </a>
  )
}
