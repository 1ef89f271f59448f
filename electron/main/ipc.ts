// The IPC transport: one channel carrying the method name and the envelope to the core's dispatcher.
// Only the app's own pages may call it (the sender frame's URL is checked on every call, since any
// frame that ends up in a window could otherwise reach the core). Results always come back as data:
// Electron strips everything but the message from errors thrown across IPC.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { ApiResult } from '../../src/shared/result'
import { isTrustedSenderUrl } from './security'

/** Must equal the channel in electron/preload/index.ts (a test checks both). */
export const CALL_CHANNEL = 'werkbank:call'

export type CoreCall = (method: string, envelope: unknown) => Promise<ApiResult<unknown>>

export interface CallHandlerOptions {
  call: CoreCall
  devServerUrl?: string | null
  /** Where unexpected failures go, with context (the core's log). */
  onError?: (error: unknown, method: string) => void
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>

export function createCallHandler(options: CallHandlerOptions) {
  return async (event: SenderEvent, method: unknown, envelope: unknown): Promise<ApiResult<unknown>> => {
    // senderFrame is null once the frame navigated away or was destroyed: no longer provably ours.
    const senderUrl = event.senderFrame?.url ?? ''
    if (!isTrustedSenderUrl(senderUrl, options.devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender', details: { reason: 'untrustedSender' } } }
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'VALIDATION', message: 'Method must be a string', details: { reason: 'badMethod' } } }
    }
    try {
      return await options.call(method, envelope)
    } catch (error) {
      // The dispatcher never throws; this guards the promise that nothing is thrown across IPC.
      options.onError?.(error, method)
      return { ok: false, error: { code: 'INTERNAL', message: 'Unexpected error; see the log', details: { reason: 'internal' } } }
    }
  }
}

export function registerIpc(options: CallHandlerOptions): void {
  ipcMain.handle(CALL_CHANNEL, createCallHandler(options))
}
