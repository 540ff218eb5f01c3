// Loads the whiteboard chunk (Excalidraw, ≈ 1 MB gzipped) only when a board is
// shown, so rooms without a whiteboard never download it.

import { EXCALIDRAW_ASSET_DIR } from './assetPath'

declare global {
  interface Window {
    /** Read by Excalidraw when its module is evaluated and when it loads a font. */
    EXCALIDRAW_ASSET_PATH?: string | string[]
  }
}

let chunk: Promise<typeof import('./ExcalidrawBoard')> | undefined

/** The whiteboard chunk, imported once; Excalidraw's asset path is set first. */
export function loadBoard(): Promise<typeof import('./ExcalidrawBoard')> {
  // Absolute, so it also resolves under the desktop webview's own URL scheme.
  window.EXCALIDRAW_ASSET_PATH = new URL(EXCALIDRAW_ASSET_DIR, window.location.href).href
  chunk ??= import('./ExcalidrawBoard').catch((err: unknown) => {
    chunk = undefined // a later attempt fetches again
    throw err
  })
  return chunk
}
