import { createReadStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import { EXCALIDRAW_ASSET_DIR } from './src/room/board/assetPath'

const outDir = resolve(import.meta.dirname, 'dist')

// Go embeds frontend/dist (//go:embed all:frontend/dist), and a fresh clone must
// compile before Node ever runs, so the folder keeps a committed .gitkeep.
// emptyOutDir wipes it on every build: put it back once the bundle is written.
function keepGitkeep(): Plugin {
  return {
    name: 'interviewdesk-keep-gitkeep',
    apply: 'build',
    closeBundle() {
      mkdirSync(outDir, { recursive: true })
      writeFileSync(resolve(outDir, '.gitkeep'), '')
    },
  }
}

// `npm run dev` proxies the host's routes to a running `interviewdesk serve`
// (INTERVIEWDESK_HOST=http://127.0.0.1:PORT); open its console/login URL on the
// dev server's origin to get the session cookie.
const host = process.env.INTERVIEWDESK_HOST ?? 'http://127.0.0.1:8080'
// /desktop is the desktop app's own door (internal/teamhost), for `wails dev`.
const proxied = ['/api', '/console', '/desktop', '^/apply/[^/]+/(info|register)$', '^/join/[^/]+/booking$']

// `wails dev` runs `npm run dev:wails` (vite --mode wails): the desktop app's
// webview then asks this server for every GET first, and the host's own routes
// must come back 404 so that Wails hands them to the host inside the app
// (app/dev.go). Nothing is proxied then.
const modeAt = process.argv.indexOf('--mode')
const wailsDev = modeAt >= 0 && process.argv[modeAt + 1] === 'wails'

function hostRoutesToWails(): Plugin {
  return {
    name: 'interviewdesk-host-routes-to-wails',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!
        if (!proxied.some((p) => path === p || path.startsWith(p + '/'))) return next()
        res.statusCode = 404
        res.end()
      })
    },
  }
}

// The console keeps relative asset URLs (base './', for the desktop webview). The
// room page is served at /join/TOKEN and /room/TOKEN, where "./assets/…" would
// resolve under the link's path: its tags point at the root instead.
function roomAssetsFromRoot(): Plugin {
  return {
    name: 'interviewdesk-room-assets-from-root',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('room.html') && !ctx.filename.endsWith('campaign.html')) return html
        return html.replace(/(\s(?:src|href)=")\.\/assets\//g, '$1/assets/')
      },
    },
  }
}

// In dev, candidate and interviewer links (/join/TOKEN, /room/TOKEN) open the room
// app from source, as the host serves the built room.html for them.
function roomLinksInDev(): Plugin {
  return {
    name: 'interviewdesk-room-links',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/(join|room)\/[A-Za-z0-9_-]+\/?(\?.*)?$/.test(req.url)) req.url = '/room.html'
        if (req.url && /^\/apply\/[A-Za-z0-9_-]+\/?(\?.*)?$/.test(req.url)) req.url = '/campaign.html'
        next()
      })
    },
  }
}

// ---- Excalidraw's fonts, self-hosted (the whiteboard, src/room/board) ----
// Excalidraw loads its fonts from window.EXCALIDRAW_ASSET_PATH (set by
// src/room/board/load.ts to EXCALIDRAW_ASSET_DIR) and lists esm.sh as every
// font's last source (fetched when the first fails; under the room page's CSP,
// a violation per font even when it does not). The build copies the fonts to
// dist/excalidraw/fonts/ (the host serves dist from its root) without the 13 MB
// CJK font Xiaolai (browsers fall back to a system font), and points that last
// source at the same folder: no font is ever fetched from a CDN. `npm run dev`
// serves the same files from node_modules.
const excalidrawFonts = resolve(import.meta.dirname, 'node_modules/@excalidraw/excalidraw/dist/prod/fonts')
const excalidrawCdnFallback = /`https:\/\/esm\.sh\/\$\{.*?\}\/dist\/prod\/`/

function excalidrawAssets(): Plugin {
  const fontFiles = () =>
    readdirSync(excalidrawFonts, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && !f.parentPath.includes('Xiaolai'))
      .map((f) => relative(excalidrawFonts, join(f.parentPath, f.name)))
  const fontsUrl = `${EXCALIDRAW_ASSET_DIR}fonts/`
  return {
    name: 'interviewdesk-excalidraw-assets',
    transform(code, id) {
      if (!id.includes('/@excalidraw/excalidraw/dist/') || !code.includes('https://esm.sh/')) return null
      if (!excalidrawCdnFallback.test(code)) this.error('Excalidraw changed its esm.sh fallback: update excalidrawAssets()')
      const selfHosted = '(globalThis.EXCALIDRAW_ASSET_PATH??globalThis.location?.href)'
      return { code: code.replace(excalidrawCdnFallback, selfHosted), map: null }
    },
    generateBundle() {
      for (const file of fontFiles()) {
        const source = readFileSync(join(excalidrawFonts, file))
        this.emitFile({ type: 'asset', fileName: `${fontsUrl.slice(1)}${file}`, source })
      }
    },
    configureServer(server) {
      const files = new Set(fontFiles())
      server.middlewares.use(fontsUrl, (req, res, next) => {
        const file = decodeURIComponent((req.url ?? '').split('?')[0]!.slice(1))
        if (!files.has(file)) return next()
        res.setHeader('Content-Type', 'font/woff2')
        res.end(readFileSync(join(excalidrawFonts, file)))
      })
    },
  }
}
// ---- end of Excalidraw's fonts ----

// Pyodide loads its runtime by file name from one folder (it is no module the
// bundler could follow): copy those files into dist under a folder named after
// its version (so a new Pyodide never meets an old cache), serve them from
// node_modules at the same path in dev, and tell the Python worker where
// (__PYODIDE_INDEX__). QuickJS's and sql.js's WebAssembly go through the
// bundler as ordinary assets.
const PYODIDE_FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip']
const pyodidePackage = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))
const pyodideVersion = (JSON.parse(readFileSync(resolve(pyodidePackage, 'package.json'), 'utf8')) as { version: string }).version
const pyodideDir = `assets/runtime/pyodide-${pyodideVersion}/`

function pyodideRuntime(): Plugin {
  const types: Record<string, string> = { '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip' }
  return {
    name: 'interviewdesk-pyodide-runtime',
    generateBundle() {
      if (this.environment.name !== 'client') return
      for (const file of PYODIDE_FILES) {
        this.emitFile({ type: 'asset', fileName: pyodideDir + file, source: readFileSync(resolve(pyodidePackage, file)) })
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = req.url?.startsWith('/' + pyodideDir) && req.url.slice(pyodideDir.length + 1)
        if (!file || !PYODIDE_FILES.includes(file)) return next()
        res.setHeader('Content-Type', types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream')
        createReadStream(resolve(pyodidePackage, file)).pipe(res)
      })
    },
  }
}

export default defineConfig({
  base: './',
  plugins: [
    react(),
    keepGitkeep(),
    roomLinksInDev(),
    roomAssetsFromRoot(),
    excalidrawAssets(),
    pyodideRuntime(),
    ...(wailsDev ? [hostRoutesToWails()] : []),
  ],
  // Run workers split their runtimes into chunks loaded on demand.
  worker: { format: 'es' },
  // Pre-bundling would move their JavaScript away from the WebAssembly it loads.
  optimizeDeps: { exclude: ['pyodide', '@jitl/quickjs-wasmfile-release-sync'] },
  define: { __PYODIDE_INDEX__: JSON.stringify('/' + pyodideDir) },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Two pages: the console (index.html) and the live room that candidate and
    // interviewer links open (room.html, served by the host for /join/… and /room/…).
    // run-sandbox is the room's code execution as a module of its own
    // (assets/run-sandbox-HASH.js), which the end-to-end tests import on a room page.
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        room: resolve(import.meta.dirname, 'room.html'),
        // A campaign's shared link (/apply/TOKEN): the registration page.
        campaign: resolve(import.meta.dirname, 'campaign.html'),
        // A test page for the whiteboard (frontend/e2e/board-sync.test.ts), not a product page.
        boardTest: resolve(import.meta.dirname, 'board-test.html'),
        'run-sandbox': resolve(import.meta.dirname, 'src/room/run/index.ts'),
      },
      preserveEntrySignatures: 'exports-only',
    },
  },
  server: {
    proxy: wailsDev ? {} : {
      ...Object.fromEntries(proxied.map((p) => [p, { target: host, changeOrigin: true }])),
      // The room channel. The host checks Origin against its own address, so the
      // dev server's origin is rewritten to the host's.
      '/ws': {
        target: host,
        ws: true,
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on('proxyReqWs', (req) => req.setHeader('Origin', host))
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
})
