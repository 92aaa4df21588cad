import { cleanFileName, MAX_FILE_NAME, parseFileName, storedFileName } from './file-name';

describe('file names of materials (M7.4)', () => {
  it('normalises to NFC and removes bidirectional controls, invisible and control characters and path parts', () => {
    expect(cleanFileName('e\u0301.pdf')).toBe('\u00e9.pdf');
    expect(cleanFileName('发票\u202Efdp.exe')).toBe('发票fdp.exe');
    expect(cleanFileName('\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\ufeffa\u0000\u0085\u007f.pdf')).toBe('a.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\x\\报告.pdf')).toBe('报告.pdf');
    expect(cleanFileName(' .. ')).toBe('');
  });

  it('gives the extension of the type decided by content, keeping a matching one, and bounds the length', () => {
    expect(storedFileName('发票fdp.exe', 'pdf')).toBe('发票fdp.exe.pdf');
    expect(storedFileName('报告.PDF', 'pdf')).toBe('报告.PDF');
    expect(storedFileName('photo.jpeg', 'jpg')).toBe('photo.jpeg');
    expect(storedFileName('photo.png', 'jpg')).toBe('photo.png.jpg');
    expect(storedFileName('说明', 'docx')).toBe('说明.docx');
    const long = storedFileName(`${'长'.repeat(500)}.exe`, 'pdf');
    expect([[...long].length, long.endsWith('.pdf')]).toEqual([MAX_FILE_NAME, true]);
  });

  it('refuses a header that is missing, malformed, or leaves nothing', () => {
    for (const header of [undefined, '', '%E4%B8', encodeURIComponent('/\u202e/'), '..']) {
      expect(() => parseFileName(header)).toThrow(expect.objectContaining({ code: 'INVALID_FILE_NAME', status: 400 }));
    }
    expect(parseFileName(encodeURIComponent('营业执照.pdf'))).toBe('营业执照.pdf');
  });
});
