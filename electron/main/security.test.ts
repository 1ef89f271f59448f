// The shell's trust rules: which URLs count as the app, which may open in the system browser, and
// that every web contents and the session get the blocking handlers.
import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronFake, FakeSession, FakeWebContents, fakeNavigationEvent } from './testing/fakeElectron'
import {
  hardenContents,
  hardenSession,
  installContentsHardening,
  isAllowedExternalUrl,
  isTrustedSenderUrl,
  readDevServerUrl,
  type HardenableContents,
} from './security'

vi.mock('electron', () => import('./testing/fakeElectron').then((m) => m.electronFake))

const DEV = 'http://localhost:5173/'

beforeEach(() => electronFake.reset())

describe('isTrustedSenderUrl', () => {
  it('accepts the app origin', () => {
    expect(isTrustedSenderUrl('werkbank://app/index.html')).toBe(true)
    expect(isTrustedSenderUrl('werkbank://app/')).toBe(true)
    expect(isTrustedSenderUrl('werkbank://app/index.html#/people?x=1')).toBe(true)
  })

  it.each([
    'file:///home/user/out/renderer/index.html',
    'http://evil.example/',
    'https://evil.example/werkbank://app/',
    'werkbank://other/index.html',
    'werkbank://app.evil.example/index.html',
    'werkbank://app:8080/index.html',
    'werkbank://evil@app/index.html',
    'javascript:alert(1)',
    'about:blank',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false)
    expect(isTrustedSenderUrl(url, DEV)).toBe(false)
  })

  it('accepts the dev server origin only when it is given, and only that exact origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/index.html')).toBe(false)
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', DEV)).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5174/index.html', DEV)).toBe(false)
    expect(isTrustedSenderUrl('https://localhost:5173/index.html', DEV)).toBe(false)
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/index.html', DEV)).toBe(false)
  })
})

describe('isAllowedExternalUrl', () => {
  it('allows https on an allow-listed host', () => {
    expect(isAllowedExternalUrl('https://github.com/some/project#readme')).toBe(true)
  })

  it.each([
    'http://github.com/',
    'https://evil.example/',
    'https://github.com.evil.example/',
    'https://github.com:8443/',
    'https://user:pw@github.com/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'werkbank://app/index.html',
    'garbage',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })
})

describe('readDevServerUrl', () => {
  it('takes electron-vite’s loopback dev server in development', () => {
    expect(readDevServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe(DEV)
  })

  it('ignores it in a packaged app, off loopback, or with another scheme', () => {
    expect(readDevServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull()
    expect(readDevServerUrl({ ELECTRON_RENDERER_URL: 'http://evil.example:5173' }, false)).toBeNull()
    expect(readDevServerUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }, false)).toBeNull()
    expect(readDevServerUrl({}, false)).toBeNull()
  })
})

function hardened(devServerUrl?: string) {
  const contents = new FakeWebContents()
  hardenContents(contents as unknown as HardenableContents, devServerUrl)
  return contents
}

describe('hardenContents', () => {
  it('prevents navigation to foreign URLs and allows the app’s own pages', () => {
    const contents = hardened()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'werkbank://other/']) {
      const event = fakeNavigationEvent(url)
      contents.emit('will-navigate', event, url)
      expect(event.defaultPrevented, url).toBe(true)
    }
    const own = fakeNavigationEvent('werkbank://app/index.html')
    contents.emit('will-navigate', own, own.url)
    expect(own.defaultPrevented).toBe(false)
  })

  it('allows navigation to the dev server only when it is the dev server', () => {
    const dev = fakeNavigationEvent('http://localhost:5173/')
    hardened(DEV).emit('will-navigate', dev, dev.url)
    expect(dev.defaultPrevented).toBe(false)
    const prod = fakeNavigationEvent('http://localhost:5173/')
    hardened().emit('will-navigate', prod, prod.url)
    expect(prod.defaultPrevented).toBe(true)
  })

  it('prevents redirects to foreign URLs', () => {
    const event = fakeNavigationEvent('https://evil.example/')
    hardened().emit('will-redirect', event, event.url)
    expect(event.defaultPrevented).toBe(true)
  })

  it('prevents attaching a <webview>', () => {
    const event = fakeNavigationEvent()
    hardened().emit('will-attach-webview', event, {}, { src: 'https://evil.example/' })
    expect(event.defaultPrevented).toBe(true)
  })

  it('denies every new window and opens only allow-listed https URLs in the system browser', () => {
    const contents = hardened()
    const open = contents.windowOpenHandler!
    expect(open({ url: 'https://github.com/project' })).toEqual({ action: 'deny' })
    expect(electronFake.shell.openExternal).toHaveBeenCalledTimes(1)
    expect(electronFake.shell.openExternal).toHaveBeenCalledWith('https://github.com/project')

    for (const url of ['https://evil.example/', 'http://github.com/', 'file:///etc/passwd', 'werkbank://app/index.html']) {
      expect(open({ url }), url).toEqual({ action: 'deny' })
    }
    expect(electronFake.shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('is applied to every web contents the app creates', () => {
    installContentsHardening(null)
    const contents = new FakeWebContents()
    electronFake.app.emit('web-contents-created', {}, contents)
    expect(contents.windowOpenHandler).not.toBeNull()
    expect(contents.count('will-navigate')).toBe(1)
    expect(contents.count('will-attach-webview')).toBe(1)
  })
})

describe('hardenSession', () => {
  it('denies every permission request, check and device', () => {
    const session = new FakeSession()
    hardenSession(session)
    const contents = new FakeWebContents() as unknown as WebContents

    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal'] as const) {
      const callback = vi.fn()
      session.permissionRequestHandler!(contents, permission, callback, { requestingUrl: 'werkbank://app/' } as never)
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(session.permissionCheckHandler!(contents, permission, 'werkbank://app', {} as never), permission).toBe(false)
    }
    expect(session.devicePermissionHandler!({} as never)).toBe(false)
  })
})
