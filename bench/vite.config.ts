// Build of the benchmark: the core bundles its migrations with import.meta.glob, so the bench is
// compiled by Vite like the app, into plain Node ES modules:
//   out/bench/run.mjs     the harness (`npm run bench`)
//   out/bench/server.mjs  the browser-mode server as its own process, for the HTTP figures
// An SSR build leaves node built-ins and every package in node_modules (better-sqlite3, zod,
// temporal-polyfill) external; they resolve from the project root, so outDir stays inside it.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const inProject = (path: string) => fileURLToPath(new URL(path, new URL('..', import.meta.url)))

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: inProject('out/bench'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        run: inProject('bench/run.ts'),
        server: inProject('bench/server.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
})
