// pdfmake 0.3 ships no types; the part used here.
interface PdfMake {
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  setFonts(fonts: Record<string, Record<string, [string, string]>>): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfmake = require('pdfmake') as PdfMake;

const FONT_DIR = '/usr/share/fonts/opentype/noto/';
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
// Debian's Noto CJK collections (fonts-noto-cjk); the Simplified Chinese face of each collection.
pdfmake.setFonts({
  NotoSansSC: {
    normal: [`${FONT_DIR}NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular'],
    bold: [`${FONT_DIR}NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold'],
    italics: [`${FONT_DIR}NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular'],
    bolditalics: [`${FONT_DIR}NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold'],
  },
});

/** The face every service's PDF is set in (Simplified Chinese). */
export const PDF_FONT = 'NotoSansSC';

/**
 * A pdfmake document rendered to a buffer, in the shared CJK font, with no access to URLs and to
 * local files only under the font directory (the services' PDFs: the prefecture's recommendation
 * letter, the institution's review reports).
 */
export function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: PDF_FONT, fontSize: 11, ...(doc.defaultStyle as object | undefined) } }).getBuffer();
}
