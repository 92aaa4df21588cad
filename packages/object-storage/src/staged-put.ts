import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * `put` by way of `putFile`, the one way every store takes a stream: write it to a staging file
 * (created exclusively), hand the file over, remove it whatever happened.
 */
export async function putStaged<T>(stagingDir: string, body: Readable, putFile: (localPath: string) => Promise<T>): Promise<T> {
  await mkdir(stagingDir, { recursive: true });
  const staged = join(stagingDir, `${randomUUID()}.part`);
  try {
    await pipeline(body, createWriteStream(staged, { flags: 'wx' }));
    return await putFile(staged);
  } finally {
    await rm(staged, { force: true });
  }
}
