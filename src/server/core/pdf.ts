import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** A CJK font file and, for a collection (.ttc), the PostScript name of the face to use. */
export interface PdfFont {
  path: string;
  family?: string;
}

/** Known CJK fonts of common Linux distributions (WenQuanYi, Noto Sans CJK) and macOS, with their face names. */
const KNOWN_FONTS: PdfFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansSC-Regular.otf' },
  { path: '/System/Library/Fonts/Supplemental/Songti.ttc', family: 'STSongti-SC-Regular' },
];

/**
 * The CJK font for PDFs: BULWARK_PDF_FONT (`path` or `path#PostScriptName`) when set, else the first known font
 * installed; null when there is none (the report then answers 503 rather than printing empty boxes).
 */
export function resolvePdfFont(
  configured?: string,
  exists: (p: string) => boolean = existsSync,
): PdfFont | null {
  if (configured) {
    const [path = '', family] = configured.split('#');
    if (!exists(path)) return null;
    const known = KNOWN_FONTS.find((f) => f.path === path);
    return { path, family: family ?? known?.family };
  }
  return KNOWN_FONTS.find((f) => exists(f.path)) ?? null;
}

/** An A4 pdfkit document set in the CJK font, and the bytes it resolves to once `doc.end()` is called. */
export function pdfDocument(font: PdfFont, title: string, margin: number) {
  const doc = new PDFDocument({ size: 'A4', margin, info: { Title: title, Producer: 'Bulwark' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  return { doc, done };
}
