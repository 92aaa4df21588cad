import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { connect, Socket } from 'node:net';
import { Readable } from 'node:stream';

/** Where clamd listens: a unix socket, or a TCP host and port (clamd's default port is 3310). */
export type ClamdAddress = { socket: string } | { host: string; port: number };

/** What a malware scan said about a file, kept with the stored object. */
export interface ScanVerdict {
  verdict: 'clean' | 'infected';
  /** The signature that matched (e.g. `Eicar-Test-Signature`), when infected. */
  signature?: string;
  /** The engine and its signature database, as clamd reports it (`ClamAV 1.4.6/27480/…`). */
  engine: string;
  /** When the scan finished (ISO 8601, UTC). */
  scannedAt: string;
}

/** The scanner could not give a verdict (down, too slow, or it failed): the upload must not pass. */
export class ScannerUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ScannerUnavailableError';
  }
}

/** The file is larger than clamd accepts in one stream (its StreamMaxLength): no verdict either. */
export class ScanLimitExceededError extends ScannerUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'ScanLimitExceededError';
  }
}

export interface ClamdOptions {
  /** Longest silence from clamd (connecting, or waiting for the verdict of a large file); default 60 s. */
  timeoutMs?: number;
  /** Bytes per INSTREAM chunk; clamd reads up to its StreamMaxLength in total. Default 64 KiB. */
  chunkBytes?: number;
  /**
   * clamd's StreamMaxLength, when known: a larger file is refused before a byte is sent. (clamd
   * itself refuses past it too, but it then closes while we are still sending, and whether its
   * reply or the broken pipe is seen first is a race.)
   */
  maxStreamBytes?: number;
}

/** The scanning port: the gateway needs a verdict per file, whoever gives it. */
export interface MalwareScanner {
  scanFile(path: string): Promise<ScanVerdict>;
}

/**
 * A client of ClamAV's clamd over its INSTREAM command (null-terminated `z` commands): the file is
 * sent as chunks each prefixed with its length (4 bytes, big-endian), then a zero length; clamd
 * answers `stream: OK`, `stream: <signature> FOUND`, or `<reason> ERROR`. Every failure to get a
 * verdict is a ScannerUnavailableError, so that callers fail closed.
 */
export class ClamdScanner implements MalwareScanner {
  private readonly timeoutMs: number;
  private readonly chunkBytes: number;
  private readonly maxStreamBytes?: number;

  constructor(
    private readonly address: ClamdAddress,
    options: ClamdOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.chunkBytes = options.chunkBytes ?? 64 * 1024;
    this.maxStreamBytes = options.maxStreamBytes;
  }

  /** clamd's `VERSION`: engine version / database version / database date. */
  async version(): Promise<string> {
    return (await this.command('zVERSION\0')).trim();
  }

  /** True when clamd answers `PING` with `PONG`. */
  async ping(): Promise<boolean> {
    return (await this.command('zPING\0').catch(() => '')) === 'PONG';
  }

  async scanFile(path: string): Promise<ScanVerdict> {
    const { size } = await stat(path);
    if (this.maxStreamBytes !== undefined && size > this.maxStreamBytes) {
      throw new ScanLimitExceededError(`the file (${size} bytes) is larger than clamd scans (${this.maxStreamBytes} bytes)`);
    }
    return this.scanStream(createReadStream(path, { highWaterMark: this.chunkBytes }));
  }

  async scanStream(body: Readable): Promise<ScanVerdict> {
    const engine = await this.version();
    const reply = await this.command('zINSTREAM\0', body);
    const scannedAt = new Date().toISOString();
    const found = /^stream: (.+) FOUND$/.exec(reply);
    if (found) return { verdict: 'infected', signature: found[1], engine, scannedAt };
    if (reply === 'stream: OK') return { verdict: 'clean', engine, scannedAt };
    if (/size limit exceeded/i.test(reply)) throw new ScanLimitExceededError(`clamd: ${reply}`);
    throw new ScannerUnavailableError(`clamd: ${reply || 'no answer'}`);
  }

  /**
   * One command on its own connection; with a body, the body follows as INSTREAM chunks. Resolves
   * with clamd's reply (up to its null terminator). clamd may answer and close before it has read
   * the whole body (a size limit): the reply still counts, the write error does not.
   */
  private command(cmd: string, body?: Readable): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket: Socket = 'socket' in this.address ? connect(this.address.socket) : connect(this.address.port, this.address.host);
      const received: Buffer[] = [];
      let settled = false;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        body?.destroy();
        socket.destroy();
        const all = Buffer.concat(received);
        const end = all.indexOf(0);
        if (end >= 0) resolve(all.subarray(0, end).toString('utf8'));
        else if (err) reject(err instanceof ScannerUnavailableError ? err : new ScannerUnavailableError(`clamd unreachable or failed: ${err.message}`, err));
        else if (all.length > 0) resolve(all.toString('utf8').trim());
        else reject(new ScannerUnavailableError('clamd closed the connection without an answer'));
      };
      socket.setTimeout(this.timeoutMs, () => finish(new ScannerUnavailableError(`clamd did not answer within ${this.timeoutMs} ms`)));
      let size = 0;
      socket.on('data', (d: Buffer) => {
        received.push(d);
        size += d.length;
        if (d.includes(0)) finish();
        // A reply is one short line: anything longer is not clamd.
        else if (size > 4096) finish(new ScannerUnavailableError('clamd answered with more than a reply line'));
      });
      socket.on('error', (err: NodeJS.ErrnoException) =>
        finish(
          body && (err.code === 'EPIPE' || err.code === 'ECONNRESET')
            ? new ScannerUnavailableError(`clamd closed the connection mid-stream (past its StreamMaxLength?): ${err.code}`, err)
            : err,
        ),
      );
      socket.on('close', () => finish());
      socket.on('connect', () => {
        socket.write(cmd);
        if (!body) return;
        void (async () => {
          try {
            for await (const chunk of body) {
              const data = chunk as Buffer;
              for (let at = 0; at < data.length; at += this.chunkBytes) {
                const piece = data.subarray(at, at + this.chunkBytes);
                const len = Buffer.alloc(4);
                len.writeUInt32BE(piece.length);
                socket.write(len);
                if (!socket.write(piece)) await drained(socket);
                if (settled) return;
              }
            }
            socket.write(Buffer.alloc(4)); // a zero length: the end of the stream
          } catch (err) {
            finish(new ScannerUnavailableError(`reading the file to scan failed: ${(err as Error).message}`, err));
          }
        })();
      });
    });
  }
}

/** Waits until the socket takes more (or is gone), leaving no listener behind. */
function drained(socket: Socket): Promise<void> {
  return new Promise<void>((ok) => {
    const done = () => {
      socket.off('drain', done).off('close', done);
      ok();
    };
    socket.on('drain', done).on('close', done);
  });
}

/** The verdict as object metadata (short ASCII, `ObjectMetadata`). */
export function verdictMetadata(v: ScanVerdict): Record<string, string> {
  return {
    'scan-verdict': v.verdict,
    ...(v.signature ? { 'scan-signature': v.signature.replace(/[^\x20-\x7e]/g, '?').slice(0, 200) } : {}),
    'scan-engine': v.engine.replace(/[^\x20-\x7e]/g, '?').slice(0, 200),
    'scanned-at': v.scannedAt,
  };
}
