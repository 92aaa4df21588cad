/**
 * Just enough PDF syntax (ISO 32000-1 §7.2–7.3) for the active-content scan: names with `#xx`
 * escapes decoded, and the small dictionaries in front of streams. Byte based, never whole strings.
 */
export const isPdfWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
/** A name runs over every "regular" byte, as a reader reads it (so `/JavaScript.` is not `/JavaScript`). */
export const isPdfRegular = (b: number) => !isPdfWhite(b) && !DELIMITERS.has(b);

/** The name's text with `#xx` escapes decoded (latin1: PDF names are bytes). */
export function decodePdfName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Where the white space and comments starting at `i` end (or `buf.length`). */
export function skipWhiteAndComments(buf: Buffer, i: number): number {
  while (i < buf.length) {
    if (isPdfWhite(buf[i])) i++;
    else if (buf[i] === 0x25) {
      while (i < buf.length && buf[i] !== 0x0a && buf[i] !== 0x0d) i++;
    } else break;
  }
  return i;
}

export type PdfValue = string | number | boolean | null | PdfName | PdfRef | PdfValue[] | PdfDict;
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}
export type PdfDict = Map<string, PdfValue>;
/** Set on a parsed dictionary that named a key twice (readers disagree on which one counts). */
export const DUPLICATE_KEY = '\u0000duplicate';

export class PdfSyntaxError extends Error {}

/**
 * Parses one direct object starting at `at` (dictionaries, arrays, names, numbers, strings,
 * references); returns it and where it ended. Nesting is bounded.
 */
export function parsePdfObject(buf: Buffer, at: number, depth = 0): { value: PdfValue; end: number } {
  if (depth > 32) throw new PdfSyntaxError('nested too deep');
  let i = skipWhiteAndComments(buf, at);
  if (i >= buf.length) throw new PdfSyntaxError('unexpected end');
  const b = buf[i];
  if (b === 0x3c && buf[i + 1] === 0x3c) {
    const dict: PdfDict = new Map();
    i += 2;
    for (;;) {
      i = skipWhiteAndComments(buf, i);
      if (buf[i] === 0x3e && buf[i + 1] === 0x3e) return { value: dict, end: i + 2 };
      const key = parsePdfObject(buf, i, depth + 1);
      if (!(key.value instanceof PdfName)) throw new PdfSyntaxError('dictionary key is not a name');
      const value = parsePdfObject(buf, key.end, depth + 1);
      if (dict.has(key.value.name)) dict.set(DUPLICATE_KEY, true);
      dict.set(key.value.name, value.value);
      i = value.end;
    }
  }
  if (b === 0x5b) {
    const items: PdfValue[] = [];
    i += 1;
    for (;;) {
      i = skipWhiteAndComments(buf, i);
      if (i >= buf.length) throw new PdfSyntaxError('unterminated array');
      if (buf[i] === 0x5d) return { value: items, end: i + 1 };
      const item = parsePdfObject(buf, i, depth + 1);
      items.push(item.value);
      i = item.end;
    }
  }
  if (b === 0x2f) {
    let j = i + 1;
    while (j < buf.length && isPdfRegular(buf[j])) j++;
    return { value: new PdfName(decodePdfName(buf.toString('latin1', i + 1, j))), end: j };
  }
  if (b === 0x28) {
    let nest = 0;
    for (let j = i; j < buf.length; j++) {
      if (buf[j] === 0x5c) j++;
      else if (buf[j] === 0x28) nest++;
      else if (buf[j] === 0x29 && --nest === 0) return { value: '(string)', end: j + 1 };
    }
    throw new PdfSyntaxError('unterminated string');
  }
  if (b === 0x3c) {
    const j = buf.indexOf(0x3e, i);
    if (j === -1) throw new PdfSyntaxError('unterminated hex string');
    return { value: '<hex>', end: j + 1 };
  }
  let j = i;
  while (j < buf.length && isPdfRegular(buf[j])) j++;
  if (j === i) throw new PdfSyntaxError(`unexpected byte ${b}`);
  const word = buf.toString('latin1', i, j);
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
    // `n g R` is a reference; look ahead without consuming otherwise.
    const m = /^\s*(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(buf.toString('latin1', j, Math.min(buf.length, j + 24)));
    if (/^\d+$/.test(word) && m) return { value: new PdfRef(Number(word), Number(m[1])), end: j + m[0].length };
    return { value: Number(word), end: j };
  }
  if (word === 'true' || word === 'false') return { value: word === 'true', end: j };
  if (word === 'null') return { value: null, end: j };
  throw new PdfSyntaxError(`unexpected keyword ${word}`);
}
