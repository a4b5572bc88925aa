import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** All text of a PDF as pdf.js extracts it, one line per page: how tests check that a generated PDF opens and says what it should. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  return pages.join('\n');
}
