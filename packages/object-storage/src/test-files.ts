import { crc32, deflateSync } from 'node:zlib';

/** Small real files for tests: a stored (uncompressed) ZIP, PDFs, PNG and JPEG headers, an EXE. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
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
  xlsx: () => zip({ '[Content_Types].xml': contentTypes('/xl/workbook.xml', 'spreadsheetml.sheet.main'), 'xl/workbook.xml': '<workbook/>' }),
};
