// The bridge between the sandboxed renderer and the main process: `window.werkbank.call(method,
// envelope)` and nothing else. Only functions are exposed, never ipcRenderer itself, so a page can
// neither listen on nor send to any other channel. Imports only 'electron' at runtime (the other import is
// types only): a sandboxed preload has no Node modules, and the build bundles it to one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron'
import type { ApiResult, CallEnvelope } from '../../src/shared/result'

/** Must equal CALL_CHANNEL in electron/main/ipc.ts (a test checks both). */
const CALL_CHANNEL = 'werkbank:call'

const bridge = {
  // Always resolves to a result (`ok: true` or `ok: false` with an error code): the main side never throws.
  call: (method: string, envelope: CallEnvelope): Promise<ApiResult<unknown>> => ipcRenderer.invoke(CALL_CHANNEL, method, envelope),
}

contextBridge.exposeInMainWorld('werkbank', bridge)
