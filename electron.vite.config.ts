// Build of the three parts. Entries are explicit so that every output file is one we chose:
//   main:     out/main/index.js (Electron main process) and out/main/web.js (browser-mode server, plain Node), ES modules
//   preload:  out/preload/index.cjs (CommonJS: sandboxed preloads cannot load ES modules)
//   renderer: out/renderer (served by the custom app protocol on the desktop, by the HTTP server in browser mode)
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          web: resolve(__dirname, 'src/main/server/web.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
    plugins: [vue()],
  },
})
