// The renderer's one way to reach the core. On the desktop the preload bridge carries calls over
// IPC; in a browser they go to the loopback server with the session's bearer token. Nothing else
// in the renderer knows which transport is in use. Only stores call this module.
import type { Method, MethodInput, MethodOutput } from '../../shared/contract'
import type { ApiResult, CallEnvelope } from '../../shared/result'

interface PreloadBridge {
  call(method: string, envelope: CallEnvelope): Promise<ApiResult<unknown>>
}

declare global {
  interface Window {
    werkbank?: PreloadBridge
  }
}

const TOKEN_KEY = 'werkbank.token'
let actorId: number | null = null

export type TransportKind = 'ipc' | 'http'

export function transportKind(): TransportKind {
  return window.werkbank ? 'ipc' : 'http'
}

/** Browser mode: the server prints `/?token=…`; keep it for this tab and take it out of the address bar. */
export function captureTokenFromUrl(): void {
  const url = new URL(window.location.href)
  const token = url.searchParams.get('token')
  if (!token) return
  sessionStorage.setItem(TOKEN_KEY, token)
  url.searchParams.delete('token')
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
}

export function hasCredentials(): boolean {
  return transportKind() === 'ipc' || sessionStorage.getItem(TOKEN_KEY) !== null
}

/** The profile every following call is made as. */
export function setActor(id: number | null): void {
  actorId = id
}

export async function call<M extends Method>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
  const envelope: CallEnvelope = { input, actorId }
  const result = window.werkbank ? await window.werkbank.call(method, envelope) : await callOverHttp(method, envelope)
  return result as ApiResult<MethodOutput<M>>
}

async function callOverHttp(method: string, envelope: CallEnvelope): Promise<ApiResult<unknown>> {
  let response: Response
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}` },
      body: JSON.stringify(envelope),
    })
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Server unreachable', details: { reason: 'unreachable' } } }
  }
  try {
    // Transport refusals (401, 403, 413, …) carry the same result shape as the core's own.
    return (await response.json()) as ApiResult<unknown>
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}`, details: { reason: 'unreachable' } } }
  }
}
