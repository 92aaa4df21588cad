import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/** The formats the Department accepts for materials (M7.4), by the id the configuration uses. */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type MediaTypeId = keyof typeof MEDIA_TYPES;
export const MEDIA_TYPE_IDS = Object.keys(MEDIA_TYPES) as MediaTypeId[];

export interface DetectedType {
  /** One of MEDIA_TYPE_IDS, or what file-type said (e.g. `exe`, `zip`), or `unknown`. */
  id: string;
  mime: string;
}

/** Names of the first entries of a ZIP file (OFD is a ZIP whose root holds OFD.xml, GB/T 33190). */
async function zipEntryNames(path: string, max = 20): Promise<string[]> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const names: string[] = [];
    let at = 0;
    while (names.length < max && at + 30 <= bytesRead && buf.readUInt32LE(at) === 0x04034b50) {
      const flags = buf.readUInt16LE(at + 6);
      const compressed = buf.readUInt32LE(at + 18);
      const nameLength = buf.readUInt16LE(at + 26);
      const extraLength = buf.readUInt16LE(at + 28);
      names.push(buf.toString('utf8', at + 30, at + 30 + nameLength));
      if (flags & 0x08) break; // sizes follow the data: stop rather than guess
      at += 30 + nameLength + extraLength + compressed;
    }
    return names;
  } finally {
    await fh.close();
  }
}

/** Decides a file's type from its content, never from its name or the client's claim. */
export async function detectMediaType(path: string): Promise<DetectedType> {
  const detected = await fileTypeFromFile(path);
  if (!detected) return { id: 'unknown', mime: 'application/octet-stream' };
  if (detected.ext === 'zip') {
    const names = await zipEntryNames(path);
    if (names.some((n) => n === 'OFD.xml' || n.endsWith('/OFD.xml'))) return { id: 'ofd', mime: MEDIA_TYPES.ofd };
  }
  const id = detected.ext === 'jpg' ? 'jpg' : detected.ext;
  return { id, mime: (MEDIA_TYPES as Record<string, string>)[id] ?? detected.mime };
}
