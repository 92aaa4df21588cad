import { ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ClamdAddress, ClamdScanner } from './inspection/clamd-scanner';

/**
 * The EICAR test file, built here from two halves so that this source file itself is not one.
 * Every scanner reports it as malware (our test database names it Eicar-Test-Signature).
 */
export const eicar = (): Buffer => Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-', 'TEST-FILE!$H+H*'].join(''));

/** The signature database the tests load (freshclam cannot download the real ones here). */
export const TEST_SIGNATURES = resolve(__dirname, '..', 'test-signatures', 'firstset-test.ndb');

export interface RunningClamd {
  socket: string;
  tcp: { host: string; port: number };
  dir: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });

/**
 * A clamd of the test's own: own config, a unix socket and a TCP port, the committed test signature
 * database, in the foreground (a child of the test, stopped by `stop`). Needs Debian's
 * clamav-daemon (`./run test` installs it).
 */
export async function startClamd(options: { streamMaxLength?: string } = {}): Promise<RunningClamd> {
  const dir = await mkdtemp(join(tmpdir(), 'clamd-'));
  await mkdir(join(dir, 'db'));
  await copyFile(TEST_SIGNATURES, join(dir, 'db', 'firstset-test.ndb'));
  const port = await freePort();
  const socket = join(dir, 'clamd.sock');
  await writeFile(
    join(dir, 'clamd.conf'),
    [
      'Foreground yes',
      `LocalSocket ${socket}`,
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${join(dir, 'db')}`,
      `StreamMaxLength ${options.streamMaxLength ?? '25M'}`,
      `LogFile ${join(dir, 'clamd.log')}`,
      `PidFile ${join(dir, 'clamd.pid')}`,
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/sbin/clamd', ['-c', join(dir, 'clamd.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((ok) => (timer = setTimeout(ok, 5000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  const scanner = new ClamdScanner({ socket } as ClamdAddress, { timeoutMs: 2000 });
  for (const started = Date.now(); !(await scanner.ping()); ) {
    if (child.exitCode !== null || Date.now() - started > 60_000) {
      const log = await readFile(join(dir, 'clamd.log'), 'utf8').catch(() => '');
      await stop();
      throw new Error(`clamd did not start: ${stderr}${log}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { socket, tcp: { host: '127.0.0.1', port }, dir, stop };
}
