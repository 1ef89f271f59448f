// Colours and fill patterns for the report's charts. The colours are Okabe and Ito's set, which
// people with the common kinds of colour blindness tell apart; each series also gets its own
// pattern (lines, dots, crosses), so a chart printed in black and white still separates them.
export const CHART_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000']

type Draw = (c: CanvasRenderingContext2D, size: number) => void
const line = (c: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number) => {
  c.beginPath()
  c.moveTo(x1, y1)
  c.lineTo(x2, y2)
  c.stroke()
}
const DRAWINGS: Draw[] = [
  () => {}, // plain: the darkest colour, solid
  (c, s) => (line(c, 0, s, s, 0), line(c, -s / 2, s / 2, s / 2, -s / 2), line(c, s / 2, s * 1.5, s * 1.5, s / 2)),
  (c, s) => {
    c.beginPath()
    c.arc(s / 2, s / 2, s / 6, 0, Math.PI * 2)
    c.fill()
  },
  (c, s) => (line(c, 0, s / 2, s, s / 2), line(c, s / 2, 0, s / 2, s)),
  (c, s) => (line(c, 0, s / 4, s, s / 4), line(c, 0, (s * 3) / 4, s, (s * 3) / 4)),
  (c, s) => (line(c, 0, 0, s, s), line(c, -s / 2, s / 2, s / 2, s * 1.5), line(c, s / 2, -s / 2, s * 1.5, s / 2)),
  (c, s) => (line(c, s / 4, 0, s / 4, s), line(c, (s * 3) / 4, 0, (s * 3) / 4, s)),
  (c, s) => (line(c, 0, 0, s, s), line(c, 0, s, s, 0)),
]

const cache = new Map<number, CanvasPattern | string>()

/** The fill of series `index`: its colour with its pattern drawn over it in a dark, half-clear ink. */
export function seriesFill(index: number): CanvasPattern | string {
  const slot = index % CHART_COLOURS.length
  const cached = cache.get(slot)
  if (cached) return cached
  const colour = CHART_COLOURS[slot]!
  const size = 10
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const c = canvas.getContext('2d')
  if (!c) return colour
  c.fillStyle = colour
  c.fillRect(0, 0, size, size)
  c.strokeStyle = slot === 7 ? 'rgba(255,255,255,0.7)' : 'rgba(0,0,0,0.55)'
  c.fillStyle = c.strokeStyle
  c.lineWidth = 1.5
  DRAWINGS[slot]!(c, size)
  const pattern = c.createPattern(canvas, 'repeat') ?? colour
  cache.set(slot, pattern)
  return pattern
}
