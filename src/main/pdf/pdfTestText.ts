// Test support: the text drawn on each page of a PDF made by the builder, read back from the
// content streams (pdf-lib writes every string as a hex string in WinAnsi).
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib'

export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes)
  return doc.getPages().map(pageText)
}

function pageText(page: PDFPage): string {
  const contents = page.node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents]
  let text = ''
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue
    const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
    for (const match of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) text += Buffer.from(match[1]!, 'hex').toString('latin1') + '\n'
  }
  return text
}
