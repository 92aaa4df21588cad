import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testFiles, zip } from '../test-files';
import { inspectPdf } from './pdf-active-content';
import { findPolyglot, secondFormatIn } from './polyglot';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyglot-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const check = async (content: Buffer, type: string) => {
  const path = join(dir, 'x');
  await writeFile(path, content);
  return findPolyglot(path, content.length, type, type === 'pdf' ? (await inspectPdf(path)).endOfPdf : undefined);
};

describe('polyglots: a second format before, after or inside the first (M7.4)', () => {
  it('refuses a PDF followed by a ZIP holding an .exe, by an executable, by HTML, or by a lot of anything', async () => {
    expect(await check(testFiles.pdfWithAppendedZip(), 'pdf')).toBe('a ZIP archive at the end of the file');
    expect(await check(Buffer.concat([testFiles.pdf(), testFiles.exe()]), 'pdf')).toBe('MZ executable after the end of the PDF');
    const pastFirstKiB = testFiles.pdf(`%${'x'.repeat(2000)}\n1 0 obj << /Type /Catalog >> endobj`);
    expect(await check(Buffer.concat([pastFirstKiB, Buffer.from('\n<!DOCTYPE html><p>hi')]), 'pdf')).toBe('HTML after the end of the PDF');
    expect(await check(Buffer.concat([testFiles.pdf(), Buffer.alloc(2000, 0x41)]), 'pdf')).toBe('2000 bytes of data after the end of the PDF');
    // A ZIP hidden before a last %%EOF is still found by its directory at the end.
    const zipThenEof = Buffer.concat([testFiles.pdf(), zip({ 'a.exe': 'MZ' }), Buffer.from('\n%%EOF\n')]);
    expect(await check(zipThenEof, 'pdf')).toBe('a ZIP archive at the end of the file');
  });

  it('refuses a PDF/HTML polyglot: HTML markup in the first KiB, whatever the type', async () => {
    expect(await check(testFiles.pdfHtmlPolyglot(), 'pdf')).toBe('HTML at the start of the file');
    expect(await check(Buffer.concat([testFiles.jpeg().subarray(0, 20), Buffer.from('<svg onload=alert(1)>')]), 'jpg')).toBe('HTML at the start of the file');
  });

  it('refuses an image with a ZIP appended', async () => {
    expect(await check(Buffer.concat([testFiles.jpeg(), testFiles.docx()]), 'jpg')).toBe('a ZIP archive at the end of the file');
    expect(await check(Buffer.concat([testFiles.png(), zip({ 'x.txt': 'x' })]), 'png')).toBe('a ZIP archive at the end of the file');
  });

  it('accepts ordinary files, and the white space or few bytes sloppy writers leave after %%EOF', async () => {
    expect(await check(testFiles.pdf(), 'pdf')).toBeUndefined();
    expect(await check(testFiles.pdfWithInternalLinks(), 'pdf')).toBeUndefined();
    expect(await check(Buffer.concat([testFiles.pdf(), Buffer.from('\r\n\0\0  \n')]), 'pdf')).toBeUndefined();
    expect(await check(Buffer.concat([testFiles.pdf(), Buffer.from('garbage')]), 'pdf')).toBeUndefined();
    expect(await check(testFiles.jpeg(), 'jpg')).toBeUndefined();
    expect(await check(testFiles.png(), 'png')).toBeUndefined();
    expect(await check(testFiles.docx(), 'docx')).toBeUndefined();
    expect(secondFormatIn(Buffer.from('  \n'))).toBeUndefined();
  });
});
