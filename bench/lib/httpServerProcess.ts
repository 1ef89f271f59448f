// Starts bench/server.ts (built to out/bench/server.mjs) as a child process on the bench's data
// folder and calls it over loopback like the renderer in browser mode: POST /api/<method> with the
// bearer token, one kept-alive connection (a browser tab reuses its connection too).
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { Agent, request } from 'node:http'
import type { ApiResult } from '../../src/shared/result'
import type { Transport } from './measure'
import type { Invocation } from './types'

export interface ServerMemory {
  rss: number
  heapUsed: number
  /** Highest heapUsed seen, sampled every 20 ms. */
  peakHeapUsed: number
  external: number
  /** Peak resident set size of the whole process (resourceUsage().maxRSS, in bytes). */
  maxRss: number
}

export type ServerMessage = { type: 'ready'; port: number; memory: ServerMemory } | { type: 'memory'; memory: ServerMemory }

export interface HttpServerProcess {
  call: Transport
  port: number
  /** Memory right after start, before any API call. */
  atStart: ServerMemory
  memory(): Promise<ServerMemory>
  close(): Promise<void>
}

export async function startServerProcess(bundle: string, dataDir: string, liveSince: number): Promise<HttpServerProcess> {
  const token = randomBytes(24).toString('base64url')
  const child = fork(bundle, [dataDir, String(liveSince), token], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const ready = await nextMessage(child, 'ready')
  if (ready.type !== 'ready') throw new Error('server process did not start')
  const port = ready.port
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })

  const send = (invocation: Invocation, retry: boolean): Promise<ApiResult<unknown>> =>
    new Promise<ApiResult<unknown>>((resolve, reject) => {
      const body = JSON.stringify({ input: invocation.input, actorId: invocation.actorId })
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/${invocation.method}`,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown>)
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)))
            }
          })
          res.on('error', reject)
        },
      )
      req.on('error', (error: NodeJS.ErrnoException) => {
        // The server closes a kept-alive connection after 5 idle seconds (between operations); a
        // request sent on it just then never arrived (reset, or a broken pipe if the close came
        // while writing), so it is sent again on a new connection.
        if (retry && req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE'))
          send(invocation, false).then(resolve, reject)
        else reject(error)
      })
      req.end(body)
    })
  const call: Transport = (invocation) => send(invocation, true)

  return {
    call,
    port,
    atStart: ready.memory,
    async memory() {
      const reply = nextMessage(child, 'memory')
      child.send('memory')
      return (await reply).memory
    },
    async close() {
      agent.destroy()
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.send('close')
      await exited
    },
  }
}

function nextMessage(child: ChildProcess, type: ServerMessage['type']): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (message.type !== type) return
      cleanup()
      resolve(message)
    }
    const onExit = (code: number | null) => {
      cleanup()
      reject(new Error(`bench server process exited with code ${code} before sending "${type}"`))
    }
    const cleanup = () => {
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}
