// Every text the desktop shell itself shows (menu, About box, start-up errors), in Dutch and English.
// The renderer has its own i18n; these are shown before or outside it. Both tables share one type,
// so the compiler refuses a label missing in either language.

const en = {
  appMenu: 'Werkbank',
  file: 'File',
  quit: 'Quit Werkbank',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  delete: 'Delete',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  forceReload: 'Force Reload',
  toggleDevTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  window: 'Window',
  minimize: 'Minimize',
  zoom: 'Zoom',
  close: 'Close Window',
  hide: 'Hide Werkbank',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  help: 'Help',
  about: 'About Werkbank',
  aboutDetail: 'Version {version}\nElectron {electron} · Chromium {chrome} · Node {node}',
  ok: 'OK',
  startFailedTitle: 'Werkbank cannot start',
  openFailed: 'Werkbank could not open its data folder {dir}.\n\n{reason}',
  nativeMissing:
    'The database driver built for Electron is missing. Start the app with `npm start`, which builds it first (scripts/prepare-electron-native.mjs).',
  databaseTooNew:
    'The database {file} was written by a newer version of Werkbank (schema {found}; this version knows up to {known}). Install the newer Werkbank to open it. The file has not been changed.',
}

export type ShellLabels = Readonly<Record<keyof typeof en, string>>

const nl: ShellLabels = {
  appMenu: 'Werkbank',
  file: 'Bestand',
  quit: 'Werkbank afsluiten',
  edit: 'Bewerken',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw uitvoeren',
  cut: 'Knippen',
  copy: 'Kopiëren',
  paste: 'Plakken',
  delete: 'Verwijderen',
  selectAll: 'Alles selecteren',
  view: 'Beeld',
  reload: 'Opnieuw laden',
  forceReload: 'Geforceerd opnieuw laden',
  toggleDevTools: 'Ontwikkelaarshulpmiddelen tonen/verbergen',
  resetZoom: 'Werkelijke grootte',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  toggleFullScreen: 'Volledig scherm aan/uit',
  window: 'Venster',
  minimize: 'Minimaliseren',
  zoom: 'Zoomen',
  close: 'Venster sluiten',
  hide: 'Werkbank verbergen',
  hideOthers: 'Andere verbergen',
  showAll: 'Alles tonen',
  help: 'Help',
  about: 'Over Werkbank',
  aboutDetail: 'Versie {version}\nElectron {electron} · Chromium {chrome} · Node {node}',
  ok: 'OK',
  startFailedTitle: 'Werkbank kan niet starten',
  openFailed: 'Werkbank kon de gegevensmap {dir} niet openen.\n\n{reason}',
  nativeMissing:
    'Het databasestuurprogramma voor Electron ontbreekt. Start de app met `npm start`; dat bouwt het eerst (scripts/prepare-electron-native.mjs).',
  databaseTooNew:
    'De database {file} is geschreven door een nieuwere versie van Werkbank (schema {found}; deze versie kent tot en met {known}). Installeer de nieuwere Werkbank om hem te openen. Het bestand is niet gewijzigd.',
}

export const SHELL_LABELS: Readonly<Record<'en' | 'nl', ShellLabels>> = { en, nl }

/** Dutch for any Dutch locale (nl, nl-NL, nl-BE), English otherwise. */
export function shellLabels(locale: string): ShellLabels {
  return locale.toLowerCase().startsWith('nl') ? nl : en
}

/** Fills `{name}` placeholders; unknown names stay visible rather than vanish. */
export function fillIn(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
