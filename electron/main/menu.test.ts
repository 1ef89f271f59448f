// The application menu: complete in both languages, developer items only in development.
import type { MenuItemConstructorOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { SHELL_LABELS, shellLabels } from './labels'
import { buildMenuTemplate, installApplicationMenu, type MenuContext } from './menu'
import { electronFake } from './testing/fakeElectron'

vi.mock('electron', () => import('./testing/fakeElectron').then((m) => m.electronFake))

beforeEach(() => electronFake.reset())

function template(overrides: Partial<MenuContext> = {}) {
  return buildMenuTemplate({ labels: SHELL_LABELS.en, isPackaged: false, isMac: false, onAbout: () => {}, ...overrides })
}

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

const roles = (menu: MenuItemConstructorOptions[]) =>
  items(menu)
    .map((item) => item.role)
    .filter(Boolean)

describe('application menu', () => {
  it('has File, Edit, View, Window and Help', () => {
    expect(template().map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
    expect(roles(template())).toEqual(
      expect.arrayContaining([
        'quit',
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
        'minimize',
        'close',
      ]),
    )
  })

  it('offers reload and developer tools only when not packaged', () => {
    expect(roles(template({ isPackaged: false }))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
    const packaged = roles(template({ isPackaged: true }))
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(packaged).not.toContain(role)
  })

  it('opens About Werkbank from Help', () => {
    const onAbout = vi.fn()
    const help = template({ onAbout }).at(-1)!
    const about = (help.submenu as MenuItemConstructorOptions[]).find((item) => item.label === 'About Werkbank')!
    ;(about.click as () => void)()
    expect(onAbout).toHaveBeenCalledTimes(1)
  })

  it('labels every item, in Dutch for a Dutch locale', () => {
    const nl = template({ labels: shellLabels('nl-NL') })
    expect(nl.map((item) => item.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Venster', 'Help'])
    for (const item of items(nl)) if (item.type !== 'separator') expect(item.label, JSON.stringify(item.role)).toBeTruthy()
    expect(shellLabels('nl-BE')).toBe(SHELL_LABELS.nl)
    expect(shellLabels('en-GB')).toBe(SHELL_LABELS.en)
    expect(shellLabels('de')).toBe(SHELL_LABELS.en)
  })

  it('has every label in both languages', () => {
    expect(Object.keys(SHELL_LABELS.nl).sort()).toEqual(Object.keys(SHELL_LABELS.en).sort())
    for (const table of Object.values(SHELL_LABELS)) for (const text of Object.values(table)) expect(text.trim()).not.toBe('')
  })

  it('adds the app menu on macOS', () => {
    const mac = template({ isMac: true })
    expect(mac[0]!.label).toBe('Werkbank')
    expect(roles([mac[0]!])).toEqual(expect.arrayContaining(['hide', 'quit']))
  })

  it('installs a menu in the system locale', () => {
    electronFake.app.getLocale.mockReturnValue('nl')
    installApplicationMenu(() => null)
    expect(electronFake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
    const built = electronFake.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[]
    expect(built[0]!.label).toBe('Bestand')
  })
})
