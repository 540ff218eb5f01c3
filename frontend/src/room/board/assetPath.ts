// Where Excalidraw's fonts are served from. The build copies them there
// (vite.config.ts, excalidrawAssets) and the host serves frontend/dist from its
// root, so nothing is fetched from Excalidraw's CDN default (esm.sh).

/** Root-relative folder holding `fonts/<Family>/<file>.woff2`. */
export const EXCALIDRAW_ASSET_DIR = '/excalidraw/'
