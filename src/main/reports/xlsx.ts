// A minimal Office Open XML workbook (ECMA-376 SpreadsheetML), written by hand and zipped with
// fflate: one sheet per table, a bold header row frozen at the top, numbers stored as numbers
// with a number format (hours with two decimals, counts as integers, shares as percentages),
// text as inline strings (never a formula, so no formula injection), dates as ISO text.
import { zipSync, strToU8 } from 'fflate'
import type { ColumnType, ReportTableData } from '../../shared/reports'

export interface Sheet {
  name: string
  table: ReportTableData
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

// Style indexes into cellXfs below.
const STYLE = { text: 0, header: 1, hours: 2, count: 3, percent: 4, summary: 5, summaryHours: 6, summaryCount: 7, summaryPercent: 8 }

/** XML 1.0 has no place for most control characters; escape the five specials. */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique within the workbook. */
function sheetNames(names: string[]): string[] {
  const used = new Set<string>()
  return names.map((raw) => {
    const base =
      raw
        .replace(/[:\\/?*[\]]/g, ' ')
        .slice(0, 31)
        .trim() || 'Sheet'
    let name = base
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`
    used.add(name.toLowerCase())
    return name
  })
}

function numberStyle(type: ColumnType, summary: boolean): number {
  if (type === 'hours') return summary ? STYLE.summaryHours : STYLE.hours
  if (type === 'percent') return summary ? STYLE.summaryPercent : STYLE.percent
  if (type === 'count') return summary ? STYLE.summaryCount : STYLE.count
  return summary ? STYLE.summary : STYLE.text
}

function sheetXml(table: ReportTableData): string {
  const summary = new Set(table.summaryRows)
  const cell = (ref: string, value: string | number | null, type: ColumnType, style: number) => {
    if (value === null || value === '') return `<c r="${ref}" s="${style}"/>`
    if (typeof value === 'number' && type !== 'text' && type !== 'month' && type !== 'date' && Number.isFinite(value)) {
      return `<c r="${ref}" s="${style}"><v>${value}</v></c>`
    }
    return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`
  }
  const header = table.columns.map((c, i) => cell(`${columnName(i)}1`, c.label, 'text', STYLE.header)).join('')
  const rows = table.rows.map((row, r) => {
    const n = r + 2
    const cells = row.map((value, i) =>
      cell(`${columnName(i)}${n}`, value, table.columns[i]!.type, numberStyle(table.columns[i]!.type, summary.has(r))),
    )
    return `<row r="${n}">${cells.join('')}</row>`
  })
  const widths = table.columns
    .map((c, i) => {
      const longest = Math.max(c.label.length, ...table.rows.map((row) => String(row[i] ?? '').length))
      return `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(10, longest + 2))}" customWidth="1"/>`
    })
    .join('')
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${widths}</cols>` +
    `<sheetData><row r="1">${header}</row>${rows.join('')}</sheetData>` +
    `</worksheet>`
  )
}

const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}">` +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFE8E8E8"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="9">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
  `<xf numFmtId="1" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
  `<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`

/** The workbook as the bytes of an .xlsx file. */
export function xlsxWorkbook(tables: ReportTableData[], names: string[] = tables.map((t) => t.title)): Uint8Array {
  const sheetName = sheetNames(names)
  const sheetPart = (i: number) => `xl/worksheets/sheet${i + 1}.xml`
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        tables
          .map(
            (_, i) =>
              `<Override PartName="/${sheetPart(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        `</Types>`,
    ),
    '_rels/.rels': strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `</Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        sheetName.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        tables.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${tables.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  }
  tables.forEach((table, i) => (files[sheetPart(i)] = strToU8(sheetXml(table))))
  return zipSync(files, { level: 6 })
}
