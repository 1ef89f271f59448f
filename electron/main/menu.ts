// The application menu, in Dutch or English after the system locale. Every item is a built-in role
// (so accelerators and platform behaviour come from Electron) with our own label, because role
// labels are English only. Reload and developer tools exist only in development builds: in a
// packaged app a reload could drop unsaved input and devtools would let anyone script the core.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { fillIn, shellLabels, type ShellLabels } from './labels'

export interface MenuContext {
  labels: ShellLabels
  isPackaged: boolean
  isMac: boolean
  onAbout: () => void
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const l = ctx.labels
  const sep: MenuItemConstructorOptions = { type: 'separator' }
  const about: MenuItemConstructorOptions = { label: l.about, click: () => ctx.onAbout() }
  const quit: MenuItemConstructorOptions = { role: 'quit', label: l.quit }

  const developerItems: MenuItemConstructorOptions[] = ctx.isPackaged
    ? []
    : [
        { role: 'reload', label: l.reload },
        { role: 'forceReload', label: l.forceReload },
        { role: 'toggleDevTools', label: l.toggleDevTools },
        sep,
      ]

  const template: MenuItemConstructorOptions[] = [
    // macOS keeps Quit in the app menu; its File menu closes the window instead.
    { label: l.file, submenu: [ctx.isMac ? { role: 'close', label: l.close } : quit] },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        sep,
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'delete', label: l.delete },
        sep,
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        ...developerItems,
        { role: 'resetZoom', label: l.resetZoom },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        sep,
        { role: 'togglefullscreen', label: l.toggleFullScreen },
      ],
    },
    {
      label: l.window,
      submenu: ctx.isMac
        ? [{ role: 'minimize', label: l.minimize }, { role: 'zoom', label: l.zoom }, sep, { role: 'close', label: l.close }]
        : [
            { role: 'minimize', label: l.minimize },
            { role: 'close', label: l.close },
          ],
    },
    { role: 'help', label: l.help, submenu: [about] },
  ]

  if (ctx.isMac) {
    // macOS puts About, Hide and Quit in a first menu named after the app.
    template.unshift({
      label: l.appMenu,
      submenu: [
        about,
        sep,
        { role: 'hide', label: l.hide },
        { role: 'hideOthers', label: l.hideOthers },
        { role: 'unhide', label: l.showAll },
        sep,
        quit,
      ],
    })
  }
  return template
}

/** Builds and installs the menu; call after ready (the locale is known only then). */
export function installApplicationMenu(getWindow: () => BrowserWindow | null): void {
  const labels = shellLabels(app.getLocale())
  const template = buildMenuTemplate({
    labels,
    isPackaged: app.isPackaged,
    isMac: process.platform === 'darwin',
    onAbout: () => showAbout(labels, getWindow()),
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function showAbout(labels: ShellLabels, window: BrowserWindow | null): void {
  const options = {
    type: 'info' as const,
    title: labels.about,
    message: 'Werkbank',
    detail: fillIn(labels.aboutDetail, {
      version: app.getVersion(),
      electron: process.versions.electron ?? '?',
      chrome: process.versions.chrome ?? '?',
      node: process.versions.node,
    }),
    buttons: [labels.ok],
  }
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options))
}
