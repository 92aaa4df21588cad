import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/**
 * Office Open XML (.docx/.xlsx/.pptx) and OFD files are ZIP archives: opened here with limits before
 * anything else reads them. The central directory says what to expect, but it is not trusted:
 * every entry is inflated with a counter that stops at the declared size or the limits, whichever
 * comes first, so a lying directory or a bomb is caught while it expands, not after.
 */
export const ZIP_LIMITS = {
  maxEntries: 5000,
  /** Total uncompressed bytes: a large spreadsheet's XML stays well below. */
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  /** Expansion ratio, per entry (above 1 MiB) and for the whole archive: XML compresses ~10–30×, zeros ~1000×. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  /** The central directory is read whole: 5,000 entries with long names stay far below. */
  maxDirectoryBytes: 8 * 1024 * 1024,
};

export type ZipFinding =
  | { kind: 'limits'; detail: string }
  | { kind: 'malformed'; detail: string }
  | { kind: 'polyglot'; detail: string }
  | { kind: 'macro'; detail: string }
  | { kind: 'executable'; detail: string };

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Parts that hold macros or ActiveX controls in Office Open XML. */
const MACRO_PART = /(^|\/)(vbaProject\.bin|vbaData\.xml|vbaProjectSignature\.bin)$|(^|\/)activeX\//i;
const MACRO_CONTENT_TYPE = /macroEnabled|vbaProject|activeX|ms-office\.vbaProject/i;
/** Program files by name; embedded OLE objects (oleObject*.bin) carry programs or macro documents. */
const EXECUTABLE_NAME = /\.(exe|dll|com|scr|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|msi|lnk|jar|cpl|sys|elf|sh)$|(^|\/)oleObject\d*\.bin$/i;
const CONTENT_TYPES = '[Content_Types].xml';

class Stop extends Error {
  constructor(readonly finding: ZipFinding) {
    super(finding.detail);
  }
}

/** The central directory, read from the end; any prefix before the archive is a polyglot. */
async function readDirectory(fh: Awaited<ReturnType<typeof open>>, size: number): Promise<{ entries: Entry[]; cdOffset: number }> {
  const tailLength = Math.min(size, 65535 + 22);
  const tail = Buffer.alloc(tailLength);
  await fh.read(tail, 0, tailLength, size - tailLength);
  let e = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      e = i;
      break;
    }
  }
  if (e === -1) throw new Stop({ kind: 'malformed', detail: 'no end of central directory where it belongs (or bytes after the archive)' });
  const eocdAt = size - tailLength + e;
  const count = tail.readUInt16LE(e + 10);
  const cdSize = tail.readUInt32LE(e + 12);
  const cdOffset = tail.readUInt32LE(e + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new Stop({ kind: 'limits', detail: 'ZIP64 archives are not accepted' });
  if (count > ZIP_LIMITS.maxEntries) throw new Stop({ kind: 'limits', detail: `${count} entries (at most ${ZIP_LIMITS.maxEntries})` });
  if (cdSize > ZIP_LIMITS.maxDirectoryBytes) throw new Stop({ kind: 'limits', detail: `a central directory of ${cdSize} bytes` });
  if (cdOffset + cdSize !== eocdAt) throw new Stop({ kind: 'polyglot', detail: 'data before or inside the archive that the directory does not account for' });
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const entries: Entry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) throw new Stop({ kind: 'malformed', detail: 'a broken central directory' });
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    entries.push({
      flags: cd.readUInt16LE(at + 8),
      method: cd.readUInt16LE(at + 10),
      compressed: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      name: cd.toString('utf8', at + 46, at + 46 + nameLength),
      offset: cd.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (at !== cd.length) throw new Stop({ kind: 'malformed', detail: 'the central directory does not match its entry count' });
  return { entries, cdOffset };
}

/** Inflates one entry with a counter; keeps the first bytes (and all of a small XML part we need). */
async function expand(path: string, start: number, entry: Entry, budget: number, keep: number): Promise<{ size: number; kept: Buffer }> {
  const limit = Math.min(entry.size, ZIP_LIMITS.maxEntryBytes, budget);
  const parts: Buffer[] = [];
  let size = 0;
  let keptBytes = 0;
  const source = entry.compressed === 0 ? null : createReadStream(path, { start, end: start + entry.compressed - 1 });
  if (!source) return { size: 0, kept: Buffer.alloc(0) };
  const sink = entry.method === 0 ? source : source.pipe(createInflateRaw());
  try {
    for await (const chunk of sink) {
      const c = chunk as Buffer;
      size += c.length;
      if (size > limit) {
        throw new Stop(
          size > entry.size
            ? { kind: 'limits', detail: `${entry.name} expands beyond the ${entry.size} bytes its directory entry declares` }
            : { kind: 'limits', detail: `${entry.name}: the archive expands beyond its limits` },
        );
      }
      if (entry.size >= ZIP_LIMITS.ratioFloorBytes && size / Math.max(1, entry.compressed) > ZIP_LIMITS.maxRatio) {
        throw new Stop({ kind: 'limits', detail: `${entry.name} expands more than ${ZIP_LIMITS.maxRatio}×` });
      }
      if (keptBytes < keep) {
        parts.push(c.subarray(0, keep - keptBytes));
        keptBytes += Math.min(c.length, keep - keptBytes);
      }
    }
  } catch (err) {
    if (err instanceof Stop) throw err;
    throw new Stop({ kind: 'malformed', detail: `${entry.name} does not inflate (${(err as Error).message})` });
  } finally {
    source.destroy();
    if (sink !== source) (sink as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
  if (size !== entry.size) throw new Stop({ kind: 'malformed', detail: `${entry.name} is ${size} bytes, its directory entry says ${entry.size}` });
  return { size, kept: Buffer.concat(parts) };
}

const PROGRAM_MAGIC: Array<[string, Buffer]> = [
  ['a Windows program', Buffer.from('MZ')],
  ['an ELF program', Buffer.from('\x7fELF', 'latin1')],
  ['an embedded OLE binary', Buffer.from('d0cf11e0a1b11ae1', 'hex')],
];

/**
 * Opens a staged ZIP-based file: the directory (no prefix, nothing after, entry count), each entry
 * (names, method, encryption, overlap, real expanded size against the limits), macro parts and
 * content types, and programs or OLE binaries inside. Returns the first finding, or undefined.
 */
export async function inspectZip(path: string): Promise<ZipFinding | undefined> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const { entries, cdOffset } = await readDirectory(fh, size);
    const names = new Set<string>();
    let total = 0;
    let compressedTotal = 0;
    let expectedOffset = 0;
    for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
      if (names.has(entry.name)) throw new Stop({ kind: 'malformed', detail: `${entry.name} appears twice` });
      names.add(entry.name);
      if (entry.name.startsWith('/') || entry.name.split(/[\\/]/).includes('..')) throw new Stop({ kind: 'malformed', detail: `unsafe entry name ${entry.name}` });
      if (entry.flags & 0x01) throw new Stop({ kind: 'malformed', detail: `${entry.name} is encrypted` });
      if (entry.method !== 0 && entry.method !== 8) throw new Stop({ kind: 'malformed', detail: `${entry.name} uses compression method ${entry.method}` });
      if (MACRO_PART.test(entry.name)) throw new Stop({ kind: 'macro', detail: entry.name });
      if (EXECUTABLE_NAME.test(entry.name)) throw new Stop({ kind: 'executable', detail: entry.name });
      // Entries follow each other without gaps or overlap: overlapping entries are the "quine" bomb.
      if (entry.offset !== expectedOffset) {
        throw new Stop(entry.offset < expectedOffset ? { kind: 'limits', detail: `${entry.name} overlaps another entry` } : { kind: 'polyglot', detail: `bytes before ${entry.name}` });
      }
      const local = Buffer.alloc(30);
      await fh.read(local, 0, 30, entry.offset);
      if (local.readUInt32LE(0) !== LOCAL) throw new Stop({ kind: 'malformed', detail: `${entry.name} has no local header` });
      const dataStart = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      total += entry.size;
      compressedTotal += entry.compressed;
      if (total > ZIP_LIMITS.maxTotalBytes) throw new Stop({ kind: 'limits', detail: `more than ${ZIP_LIMITS.maxTotalBytes} bytes expanded` });
      const keep = entry.name === CONTENT_TYPES ? 1024 * 1024 : 16;
      const { kept } = await expand(path, dataStart, entry, ZIP_LIMITS.maxTotalBytes - (total - entry.size), keep);
      if (entry.name === CONTENT_TYPES && MACRO_CONTENT_TYPE.test(kept.toString('utf8'))) throw new Stop({ kind: 'macro', detail: 'a macro-enabled content type' });
      for (const [what, magic] of PROGRAM_MAGIC) {
        if (kept.subarray(0, magic.length).equals(magic)) throw new Stop({ kind: 'executable', detail: `${entry.name} is ${what}` });
      }
      const descriptor = entry.flags & 0x08 ? ((await peekSignature(fh, dataStart + entry.compressed)) ? 16 : 12) : 0;
      expectedOffset = dataStart + entry.compressed + descriptor;
    }
    if (expectedOffset !== cdOffset) throw new Stop({ kind: 'polyglot', detail: 'bytes between the last entry and the directory' });
    if (total >= ZIP_LIMITS.ratioFloorBytes && total / Math.max(1, compressedTotal) > ZIP_LIMITS.maxRatio) {
      throw new Stop({ kind: 'limits', detail: `the archive expands more than ${ZIP_LIMITS.maxRatio}×` });
    }
    return undefined;
  } catch (err) {
    if (err instanceof Stop) return err.finding;
    throw err;
  } finally {
    await fh.close();
  }
}

/** A data descriptor may start with its optional signature PK\x07\x08. */
async function peekSignature(fh: Awaited<ReturnType<typeof open>>, at: number): Promise<boolean> {
  const b = Buffer.alloc(4);
  await fh.read(b, 0, 4, at);
  return b.readUInt32LE(0) === 0x08074b50;
}
