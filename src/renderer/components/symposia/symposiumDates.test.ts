// Where an edition stands on a given day, and euro amounts typed the way people type them.
import { describe, expect, it, vi } from 'vitest'

// The i18n module reads the device's language choice when it loads.
vi.stubGlobal('localStorage', { getItem: () => 'nl', setItem: () => undefined, removeItem: () => undefined })
const { addDays, centsToInput, editionPhase, formatDateSpan, parseEuros, windowState } = await import('./symposiumDates')

describe('windows and phases', () => {
  it('counts both ends of a window as open', () => {
    expect(windowState('2026-11-20', '2026-12-27', '2026-11-19')).toBe('upcoming')
    expect(windowState('2026-11-20', '2026-12-27', '2026-11-20')).toBe('open')
    expect(windowState('2026-11-20', '2026-12-27', '2026-12-27')).toBe('open')
    expect(windowState('2026-11-20', '2026-12-27', '2026-12-28')).toBe('closed')
  })

  it('tells an edition to come from one running and one past', () => {
    const edition = { dates: ['2027-04-26', '2027-04-27'] }
    expect(editionPhase(edition, '2027-04-25')).toBe('upcoming')
    expect(editionPhase(edition, '2027-04-27')).toBe('running')
    expect(editionPhase(edition, '2027-04-28')).toBe('past')
  })

  it('adds days across a month and a daylight-saving change', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
  })

  it('writes a span of days once, and one day in full', () => {
    expect(formatDateSpan('2027-04-26', '2027-04-27')).toBe('26–27 april 2027')
    expect(formatDateSpan('2027-04-26', '2027-04-26')).toBe('26 april 2027')
  })
})

describe('parseEuros', () => {
  it.each([
    ['1250', 125_000],
    ['1.250', 125_000],
    ['1.250,50', 125_050],
    ['1,250.50', 125_050],
    ['12,5', 1_250],
    ['12.5', 1_250],
    ['€ 80', 8_000],
    ['80,-', 8_000],
    ['0', 0],
  ])('reads %s as %d cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents)
  })

  it.each(['', 'twaalf', '-5', '12,345,6x', '€'])('refuses %j', (text) => {
    expect(parseEuros(text)).toBeNull()
  })

  it('gives an amount back in the form it is typed in', () => {
    expect(centsToInput(125_050)).toBe('1250,50')
    expect(centsToInput(8_000)).toBe('80')
    expect(centsToInput(null)).toBe('')
    expect(parseEuros(centsToInput(125_050))).toBe(125_050)
  })
})
