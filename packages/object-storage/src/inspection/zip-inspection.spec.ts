import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { testFiles, zip, zipOf } from '../test-files';
import { inspectZip } from './zip-inspection';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zip-scan-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const inspect = async (content: Buffer) => {
  const path = join(dir, 'x.docx');
  await writeFile(path, content);
  return inspectZip(path);
};
const TYPES = '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

describe('Office and OFD archives opened with limits (M7.4)', () => {
  it('accepts ordinary docx (stored, deflated, with data descriptors), xlsx and OFD', async () => {
    for (const file of [testFiles.docx(), testFiles.docxDeflated(), testFiles.xlsx(), testFiles.ofd()]) expect(await inspect(file)).toBeUndefined();
    const streamed = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from(TYPES), deflate: true, descriptor: true },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'.repeat(100)), deflate: true, descriptor: true },
    ]);
    expect(await inspect(streamed)).toBeUndefined(); // sizes in data descriptors, as streaming writers leave them
  });

  it('stops a 256 MiB zip bomb while it inflates, and a directory that understates an entry', async () => {
    const bomb = await testFiles.zipBombDocx();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await inspect(bomb)).toEqual({ kind: 'limits', detail: expect.stringContaining('expands more than 100×') });
    // The directory claims 10 bytes; the data inflates to 1 MiB: inflation stops at byte 11.
    const lying = zipOf([{ name: 'word/document.xml', deflated: { bytes: deflateRawSync(Buffer.alloc(1 << 20, 0x41)), size: 10, crc: 0 } }]);
    expect(await inspect(lying)).toEqual({ kind: 'limits', detail: expect.stringContaining('beyond the 10 bytes') });
  });

  it('refuses too many entries, duplicate names, unsafe names, encryption and unknown methods', async () => {
    expect(await inspect(zip(Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`x/${i}.xml`, '']))))).toEqual({ kind: 'limits', detail: '5001 entries (at most 5000)' });
    expect((await inspect(zip({ '../evil.xml': '<x/>' })))?.kind).toBe('malformed');
    const padded = zip({ 'a.xml': '<a/>' });
    const cd = padded.indexOf(Buffer.from('PK\x01\x02', 'latin1'));
    padded.writeUInt16LE(65535, cd + 32); // an entry comment longer than anything the file has
    const bigDirectory = Buffer.concat([padded.subarray(0, cd), padded.subarray(cd, padded.length - 22), Buffer.alloc(9 * 1024 * 1024), padded.subarray(padded.length - 22)]);
    bigDirectory.writeUInt32LE(bigDirectory.length - 22 - cd, bigDirectory.length - 22 + 12);
    expect(await inspect(bigDirectory)).toEqual({ kind: 'limits', detail: `a central directory of ${bigDirectory.length - 22 - cd} bytes` });
    const twice = zipOf([{ name: 'a.xml', data: Buffer.from('1') }, { name: 'a.xml', data: Buffer.from('2') }]);
    expect(await inspect(twice)).toEqual({ kind: 'malformed', detail: 'a.xml appears twice' });
    const encrypted = testFiles.docx();
    encrypted.writeUInt16LE(1, encrypted.indexOf(Buffer.from('PK\x01\x02', 'latin1')) + 8);
    expect(await inspect(encrypted)).toEqual({ kind: 'malformed', detail: '[Content_Types].xml is encrypted' });
  });

  it('refuses macros: a vbaProject.bin in a .docx, a macro-enabled content type, ActiveX controls', async () => {
    expect(await inspect(testFiles.docxWithVba())).toEqual({ kind: 'macro', detail: 'word/vbaProject.bin' });
    expect(await inspect(testFiles.docm())).toEqual({ kind: 'macro', detail: 'a macro-enabled content type' });
    expect(await inspect(zip({ '[Content_Types].xml': TYPES, 'word/activeX/activeX1.xml': '<ax/>' }))).toEqual({ kind: 'macro', detail: 'word/activeX/activeX1.xml' });
  });

  it('refuses programs and embedded OLE binaries, by name or by content', async () => {
    expect(await inspect(testFiles.docxWithExe())).toEqual({ kind: 'executable', detail: 'word/media/image1.png is a Windows program' });
    expect(await inspect(zip({ '[Content_Types].xml': TYPES, 'word/embeddings/oleObject1.bin': 'x' }))).toEqual({ kind: 'executable', detail: 'word/embeddings/oleObject1.bin' });
    expect(await inspect(zipOf([{ name: '[Content_Types].xml', data: Buffer.from(TYPES) }, { name: 'word/x.dat', data: Buffer.from('d0cf11e0a1b11ae100', 'hex'), deflate: true }]))).toEqual({
      kind: 'executable',
      detail: 'word/x.dat is an embedded OLE binary',
    });
    expect(await inspect(zip({ 'setup.exe': 'MZ' }))).toEqual({ kind: 'executable', detail: 'setup.exe' });
  });

  it('refuses a ZIP with a prefix or bytes after it (a polyglot)', async () => {
    expect(await inspect(Buffer.concat([testFiles.pdf(), testFiles.docx()]))).toEqual({ kind: 'polyglot', detail: expect.stringContaining('does not account for') });
    expect((await inspect(Buffer.concat([testFiles.docx(), Buffer.from('<html><script>x</script></html>')])))?.kind).toBe('malformed');
  });
});
