// Werkbank's printed documents: one builder for every PDF the app makes (see pdfBuilder.ts).
export {
  A4,
  createPdfBuilder,
  type ImageOptions,
  type Label,
  type LabelLine,
  type LabelSheetOptions,
  type PdfBuilder,
  type PdfBuilderOptions,
  type TableColumn,
  type TextOptions,
} from './pdfBuilder'
export { toWinAnsi } from './winAnsi'
