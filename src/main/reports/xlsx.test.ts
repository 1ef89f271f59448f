// The XLSX writer's own rules: column letters, XML text, and sheet names Excel accepts.
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { ReportTableData } from '../../shared/reports'
import { columnName, xlsxWorkbook, xmlText } from './xlsx'

const table = (rows: ReportTableData['rows']): ReportTableData => ({
  key: 'usage',
  title: 't',
  columns: [
    { label: 'Name', type: 'text' },
    { label: 'Hours', type: 'hours' },
  ],
  rows,
  summaryRows: [],
})

describe('xlsx', () => {
  it('names columns A…Z, AA…ZZ, AAA', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA'])
  })

  it('escapes XML specials and drops characters XML 1.0 cannot hold', () => {
    expect(xmlText('a<b & "c" >\u0001\u0008d\te')).toBe('a&lt;b &amp; &quot;c&quot; &gt;d\te')
  })

  it('makes sheet names Excel accepts: no : \\ / ? * [ ], at most 31 characters, unique', () => {
    const bytes = xlsxWorkbook([table([]), table([]), table([])], ['Use: a/b [x]', 'Use: a/b [x]', 'x'.repeat(40)])
    const workbook = strFromU8(unzipSync(bytes)['xl/workbook.xml']!)
    const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])
    expect(names).toEqual(['Use  a b  x', 'Use  a b  x 2', 'x'.repeat(31)])
  })

  it('writes numbers as numbers and everything else, a formula-like text too, as inline text', () => {
    const sheet = strFromU8(
      unzipSync(
        xlsxWorkbook([
          table([
            ['=1+1', 2.5],
            [null, null],
          ]),
        ]),
      )['xl/worksheets/sheet1.xml']!,
    )
    expect(sheet).toContain('<c r="A2" s="0" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>')
    expect(sheet).toContain('<c r="B2" s="2"><v>2.5</v></c>')
    expect(sheet).toContain('<c r="A3" s="0"/><c r="B3" s="2"/>')
    expect(sheet).not.toContain('<f>')
  })
})
