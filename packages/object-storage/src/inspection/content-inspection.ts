import { inspectPdf } from './pdf-active-content';
import { findPolyglot } from './polyglot';
import { inspectZip } from './zip-inspection';

/** Why a staged file is refused after its type was decided by content; each maps to one problem code. */
export type ContentRefusal =
  /** PDF scripts, launch, embedded files, actions other than in-document GoTo, URI, GoToR, XFA; Office macros or ActiveX. */
  | { reason: 'active-content'; found: string[] }
  /** A part that could hide active content cannot be read (an object stream that does not decode, an encrypted one). */
  | { reason: 'uninspectable'; detail: string }
  /** A program or an embedded OLE binary inside an Office or OFD archive. */
  | { reason: 'embedded-program'; detail: string }
  /** Too many entries, too much expansion, a lying directory, overlapping entries. */
  | { reason: 'archive-limits'; detail: string }
  | { reason: 'malformed-archive'; detail: string }
  /** A second format before, after or inside the first. */
  | { reason: 'polyglot'; detail: string };

const ZIP_TYPES = new Set(['docx', 'xlsx', 'pptx', 'ofd', 'zip']);

/**
 * The one content inspection of an upload, run on the staged file once its type is known (by
 * content): PDFs are scanned for active content with every filter decoded, ZIP-based documents
 * are opened with limits, and every type is checked for a second format riding along.
 */
export async function inspectContent(path: string, size: number, typeId: string): Promise<ContentRefusal | undefined> {
  let endOfPdf: number | undefined;
  if (typeId === 'pdf') {
    const pdf = await inspectPdf(path);
    if (pdf.activeContent.length > 0) return { reason: 'active-content', found: pdf.activeContent };
    if (pdf.uninspectable.length > 0) return { reason: 'uninspectable', detail: pdf.uninspectable.join('; ') };
    endOfPdf = pdf.endOfPdf;
  }
  if (ZIP_TYPES.has(typeId)) {
    const finding = await inspectZip(path);
    if (finding) {
      const reason = ({ limits: 'archive-limits', malformed: 'malformed-archive', polyglot: 'polyglot', executable: 'embedded-program' } as const)[finding.kind as 'limits'];
      if (finding.kind === 'macro') return { reason: 'active-content', found: [finding.detail] };
      return { reason, detail: finding.detail };
    }
  }
  const second = await findPolyglot(path, size, typeId, endOfPdf);
  return second ? { reason: 'polyglot', detail: second } : undefined;
}
