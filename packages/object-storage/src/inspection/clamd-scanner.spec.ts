import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { AddressInfo, createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ClamdScanner, FilesystemObjectStorage, MalwareFoundError, ScanLimitExceededError, ScannerUnavailableError, ScanningObjectStorage } from '../index';
import { eicar, RunningClamd, startClamd } from '../test-clamd';
import { testFiles, zipOf } from '../test-files';

// A real clamd (Debian's clamav-daemon) of the test's own, with the committed test signatures
// (clamd names a match from an unsigned database `<name>.UNOFFICIAL`).
let clamd: RunningClamd;
let dir: string;

beforeAll(async () => {
  clamd = await startClamd({ streamMaxLength: '8M' });
  dir = await mkdtemp(join(tmpdir(), 'scan-'));
}, 90_000);

afterAll(async () => {
  await clamd?.stop();
  await rm(dir, { recursive: true, force: true });
});

const file = async (name: string, content: Buffer) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

describe('ClamdScanner (INSTREAM)', () => {
  it('passes a clean file over the unix socket, naming the engine and the time', async () => {
    const scanner = new ClamdScanner({ socket: clamd.socket });
    const v = await scanner.scanFile(await file('clean.pdf', testFiles.pdf()));
    expect(v).toEqual({ verdict: 'clean', engine: expect.stringMatching(/^ClamAV \d+\.\d+/), scannedAt: expect.any(String) });
    expect(Math.abs(Date.parse(v.scannedAt) - Date.now())).toBeLessThan(10_000);
    expect(await scanner.ping()).toBe(true);
  });

  it('finds EICAR over TCP: alone, inside a PDF, and inside a deflated zip', async () => {
    const scanner = new ClamdScanner(clamd.tcp);
    for (const content of [
      eicar(),
      testFiles.pdf(`1 0 obj << /Type /Catalog >> endobj\n% ${eicar().toString()}`),
      zipOf([{ name: 'docs/readme.txt', data: Buffer.concat([Buffer.from('hello\n'), eicar()]), deflate: true }]),
    ]) {
      expect(await scanner.scanFile(await file('x.bin', content))).toEqual({
        verdict: 'infected',
        signature: 'Eicar-Test-Signature.UNOFFICIAL',
        engine: expect.stringMatching(/^ClamAV/),
        scannedAt: expect.any(String),
      });
    }
  });

  it('streams a large file in many small chunks: malware at its very end is found, a clean one passes', async () => {
    const scanner = new ClamdScanner({ socket: clamd.socket }, { chunkBytes: 4096 });
    const big = randomBytes(6 * 1024 * 1024);
    expect((await scanner.scanFile(await file('big.bin', big))).verdict).toBe('clean');
    const tail = Buffer.concat([big, eicar()]);
    expect(await scanner.scanStream(Readable.from([tail.subarray(0, 1000), tail.subarray(1000)]))).toMatchObject({ verdict: 'infected', signature: 'Eicar-Test-Signature.UNOFFICIAL' });
  });

  it("gives no verdict past clamd's StreamMaxLength: refused before sending when the limit is configured, else by clamd", async () => {
    const huge = await file('huge.bin', randomBytes(9 * 1024 * 1024));
    const known = await new ClamdScanner({ socket: clamd.socket }, { maxStreamBytes: 8 * 1024 * 1024 }).scanFile(huge).catch((e: unknown) => e);
    expect(known).toBeInstanceOf(ScanLimitExceededError);
    expect(known).toBeInstanceOf(ScannerUnavailableError);
    // clamd answers "INSTREAM size limit exceeded" and closes while the rest is still being sent.
    const err = await new ClamdScanner({ socket: clamd.socket }).scanFile(huge).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScannerUnavailableError);
    expect((err as Error).message).toMatch(/size limit exceeded|mid-stream/i);
    // clamd is still there for the next file.
    expect((await new ClamdScanner({ socket: clamd.socket }).scanFile(await file('after.txt', Buffer.from('ok')))).verdict).toBe('clean');
  });

  it('fails (ScannerUnavailableError) when clamd is down, silent past the timeout, answers nonsense or floods', async () => {
    const path = await file('c.txt', Buffer.from('plain text'));
    await expect(new ClamdScanner({ socket: join(dir, 'no-such.sock') }).scanFile(path)).rejects.toBeInstanceOf(ScannerUnavailableError);
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    await expect(new ClamdScanner({ host: '127.0.0.1', port }).scanFile(path)).rejects.toBeInstanceOf(ScannerUnavailableError);

    const peers: Server[] = [];
    const peer = async (onData: (s: import('node:net').Socket) => void) => {
      const srv = createServer((s) => s.once('data', () => onData(s)));
      peers.push(srv);
      await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
      return { host: '127.0.0.1', port: (srv.address() as AddressInfo).port };
    };
    try {
      const silent = await peer(() => undefined);
      const started = Date.now();
      await expect(new ClamdScanner(silent, { timeoutMs: 300 }).scanFile(path)).rejects.toThrow(/did not answer within 300 ms/);
      expect(Date.now() - started).toBeLessThan(5000);
      const nonsense = await peer((s) => s.end('UNKNOWN COMMAND\0'));
      await expect(new ClamdScanner(nonsense).scanFile(path)).rejects.toBeInstanceOf(ScannerUnavailableError);
      const flood = await peer((s) => s.write(Buffer.alloc(64 * 1024, 'A')));
      await expect(new ClamdScanner(flood).scanFile(path)).rejects.toThrow(/more than a reply line/);
    } finally {
      for (const p of peers) p.close();
    }
  });
});

describe('ScanningObjectStorage', () => {
  it('stores a clean file with its verdict, refuses an infected one, and stores nothing without a verdict', async () => {
    const root = join(dir, 'store');
    const store = new ScanningObjectStorage(new FilesystemObjectStorage(root), new ClamdScanner({ socket: clamd.socket }));
    const info = await store.put('sha256/aa/clean', Readable.from([Buffer.from('首台套 clean')]));
    expect(info.metadata).toEqual({ 'scan-verdict': 'clean', 'scan-engine': expect.stringMatching(/^ClamAV/), 'scanned-at': expect.any(String) });
    expect((await store.head('sha256/aa/clean'))?.metadata?.['scan-verdict']).toBe('clean');

    const err = await store.putFile('sha256/bb/bad', await file('bad.txt', eicar())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MalwareFoundError);
    expect((err as MalwareFoundError).verdict.signature).toBe('Eicar-Test-Signature.UNOFFICIAL');
    expect(await store.head('sha256/bb/bad')).toBeNull();

    const down = new ScanningObjectStorage(new FilesystemObjectStorage(root), new ClamdScanner({ socket: join(dir, 'down.sock') }));
    await expect(down.put('sha256/cc/unscanned', Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(ScannerUnavailableError);
    expect(await store.head('sha256/cc/unscanned')).toBeNull();
    expect(await readdir(join(root, '.staging'))).toEqual([]);
  });
});
