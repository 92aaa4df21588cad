import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { UpdateEnterpriseProfile, UpdateEnterpriseProfileV1 } from '@firstset/contracts';
import {
  actors,
  cleanupTestEnv,
  eventually,
  newTestEnv,
  RpcCaller,
  RunningService,
  schemaOf,
  sql,
  startServiceInProcess,
} from '@firstset/testing';
import { SMTPServer } from 'smtp-server';
import { loadIntakeSettings } from '../src/config';
import { intakeModule } from '../src/intake.module';
import { HttpSmsSender, signSmsRequest } from '../src/notifications/http-sms-sender';
import { OutgoingMessage } from '../src/notifications/message-sender';
import { SmtpMailSender } from '../src/notifications/smtp-mail-sender';
import { BAOTOU_USCC, openBatch, registerEnterprise, submitAndReturn } from './helpers';

// The real SMS and e-mail adapters (issue 4 item 6), each against a faithful local stand-in: an
// SMTP server that insists on a login and refuses unknown mailboxes, and an SMS gateway that checks
// the key and the request signature and does not send one message id twice.
const KEY = 'sms-key-2026';
const SIGN = '【内蒙古工信厅】';

interface Mail { from: string; to: string[]; raw: string }
const mailbox: Mail[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

const gateway = {
  received: [] as Array<{ messageId: string; phone: string; content: string }>,
  seen: new Map<string, string>(),
  mode: 'ok' as 'ok' | 'down' | 'no-ref',
};
let smsServer: Server;
let smsUrl: string;

async function text(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString();
}

/** "=?UTF-8?B?…?=" words of a header, decoded (nodemailer's encoding of non-ASCII headers); space between two words is folding. */
const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
const header = (raw: string, name: string) =>
  decodeWords(new RegExp(`^${name}: ((?:.*)(?:\\r\\n[ \\t].*)*)`, 'mi').exec(raw)?.[1].replace(/\r\n[ \t]/g, ' ') ?? '');
const bodyOf = (raw: string) => Buffer.from(raw.split('\r\n\r\n').slice(1).join('').replace(/\s/g, ''), 'base64').toString('utf8');

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'notify' && auth.password === 'p@ss word') return cb(null, { user: 'notify' });
      cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith('@nowhere.example')) return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      stream.on('end', () => {
        mailbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(parts).toString() });
        cb(null, `Ok: queued as Q${mailbox.length}X`);
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://notify:${encodeURIComponent('p@ss word')}@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  smsServer = createServer(async (req, res) => {
    const body = await text(req);
    const ts = String(req.headers['x-timestamp'] ?? '');
    if (req.headers.authorization !== `Bearer ${KEY}`) return res.writeHead(401).end('{"error":"bad key"}');
    if (req.headers['x-signature'] !== signSmsRequest(KEY, ts, body) || Math.abs(Date.now() - Number(ts)) > 300_000) {
      return res.writeHead(403).end('{"error":"bad signature"}');
    }
    if (gateway.mode === 'down') return res.writeHead(503).end('busy');
    if (gateway.mode === 'no-ref') return res.writeHead(200).end('{"status":"ok"}');
    const msg = JSON.parse(body) as { messageId: string; phone: string; content: string };
    let ref = gateway.seen.get(msg.messageId);
    if (!ref) {
      ref = `SMS${gateway.seen.size + 1}`;
      gateway.seen.set(msg.messageId, ref);
      gateway.received.push(msg);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ref }));
  });
  await new Promise<void>((r) => smsServer.listen(0, '127.0.0.1', r));
  smsUrl = `http://127.0.0.1:${(smsServer.address() as AddressInfo).port}/sms/send`;
});

afterAll(async () => {
  await new Promise((r) => smtp.close(() => r(undefined)));
  await new Promise((r) => smsServer.close(r));
});

const message = (over: Partial<OutgoingMessage>): OutgoingMessage => ({
  id: '0a0b7f4e-7f1c-4a53-9a53-0f6a0b7f4e11',
  channel: 'email',
  to: 'lina@example.cn',
  subject: '申请被退回补正',
  body: '您的申请 NM-2026-00001 被退回补正，请于 2026-12-10 前补正。',
  ...over,
});

describe('the mail relay adapter (SMTP)', () => {
  it('sends Chinese subject and text from the configured sender and answers the relay\'s queue id', async () => {
    const sender = new SmtpMailSender({ url: smtpUrl, from: '内蒙古自治区工业和信息化厅 <noreply@gxt.example.gov.cn>', timeoutMs: 5000 });
    try {
      const { providerRef } = await sender.send(message({}));
      expect(providerRef).toBe(`Q${mailbox.length}X`);
      const mail = mailbox.at(-1)!;
      expect([mail.from, mail.to]).toEqual(['noreply@gxt.example.gov.cn', ['lina@example.cn']]);
      expect(header(mail.raw, 'Subject')).toBe('申请被退回补正');
      expect(header(mail.raw, 'From')).toBe('内蒙古自治区工业和信息化厅 <noreply@gxt.example.gov.cn>');
      expect(header(mail.raw, 'Message-ID')).toBe('<0a0b7f4e-7f1c-4a53-9a53-0f6a0b7f4e11@firstset.notifications>');
      expect(bodyOf(mail.raw)).toBe('您的申请 NM-2026-00001 被退回补正，请于 2026-12-10 前补正。');
    } finally {
      sender.close();
    }
  });

  it('fails (for the dispatcher to retry) on a wrong password, a refused mailbox, an unreachable relay and a non-address', async () => {
    const count = mailbox.length;
    const wrong = new SmtpMailSender({ url: smtpUrl.replace('p%40ss%20word', 'guess'), from: 'noreply@gxt.example.gov.cn', timeoutMs: 5000 });
    const right = new SmtpMailSender({ url: smtpUrl, from: 'noreply@gxt.example.gov.cn', timeoutMs: 5000 });
    const nobody = new SmtpMailSender({ url: 'smtp://127.0.0.1:1', from: 'noreply@gxt.example.gov.cn', timeoutMs: 500 });
    try {
      await expect(wrong.send(message({}))).rejects.toThrow(/Invalid username or password|auth/i);
      await expect(right.send(message({ to: 'ghost@nowhere.example' }))).rejects.toThrow(/mailbox unavailable|rejected|refused/i);
      await expect(nobody.send(message({}))).rejects.toThrow(/ECONNREFUSED|connect/i);
      await expect(right.send(message({ to: 'not an address' }))).rejects.toThrow('not an e-mail address');
      await expect(right.send(message({ channel: 'sms', to: '13800000000' }))).rejects.toThrow('not sms');
      expect(mailbox.length).toBe(count);
    } finally {
      for (const s of [wrong, right, nobody]) s.close();
    }
  });
});

describe('the SMS gateway adapter (HTTP)', () => {
  const sms = (over: Partial<{ key: string; url: string; timeoutMs: number }> = {}) =>
    new HttpSmsSender({ url: smsUrl, key: KEY, signName: SIGN, timeoutMs: 2000, ...over });

  beforeEach(() => {
    gateway.mode = 'ok';
  });

  it('sends the signed text with the registered signature; a retried message id is not sent twice', async () => {
    const before = gateway.received.length;
    const m = message({ channel: 'sms', to: '138 0000 0000', id: '5d1f2b8c-1111-4c1e-9a53-0f6a0b7f4e22' });
    const first = await sms().send(m);
    const again = await sms().send(m);
    expect(first.providerRef).toMatch(/^SMS\d+$/);
    expect(again.providerRef).toBe(first.providerRef);
    expect(gateway.received.slice(before)).toEqual([{ messageId: m.id, phone: '13800000000', content: `${SIGN}${m.body}` }]);
  });

  it('fails on a wrong key, a gateway outage, an answer without a reference and a timeout; refuses a non-number without calling', async () => {
    const before = gateway.received.length;
    const m = message({ channel: 'sms', to: '13800000000', id: '6e2a3c9d-2222-4c1e-9a53-0f6a0b7f4e33' });
    await expect(sms({ key: 'stolen' }).send(m)).rejects.toThrow(/HTTP 401/);
    gateway.mode = 'down';
    await expect(sms().send(m)).rejects.toThrow(/HTTP 503/);
    gateway.mode = 'no-ref';
    await expect(sms().send(m)).rejects.toThrow(/without a reference/);
    const silent = createServer(() => undefined); // accepts and never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      await expect(sms({ url, timeoutMs: 200 }).send(m)).rejects.toThrow(/timeout|aborted/i);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
    await expect(sms().send({ ...m, to: 'call me' })).rejects.toThrow('not a phone number');
    await expect(sms().send({ ...m, body: '长'.repeat(501) })).rejects.toThrow('longer than 500');
    expect(gateway.received.length).toBe(before);
  });

  it('refuses incomplete configuration at boot', () => {
    expect(() => loadIntakeSettings({ INTAKE_SMS: 'http', INTAKE_SMS_KEY: KEY, INTAKE_SMS_SIGN: SIGN })).toThrow(/INTAKE_SMS_URL/);
    expect(() => loadIntakeSettings({ INTAKE_SMS: 'http', INTAKE_SMS_URL: smsUrl, INTAKE_SMS_SIGN: SIGN })).toThrow(/INTAKE_SMS_KEY/);
    expect(() => loadIntakeSettings({ INTAKE_SMS: 'http', INTAKE_SMS_URL: smsUrl, INTAKE_SMS_KEY: KEY, INTAKE_SMS_SIGN: '工信厅' })).toThrow(/INTAKE_SMS_SIGN/);
    expect(() => loadIntakeSettings({ INTAKE_SMS: 'carrier-pigeon' })).toThrow(/INTAKE_SMS/);
    expect(() => loadIntakeSettings({ INTAKE_EMAIL: 'smtp', INTAKE_SMTP_URL: 'http://mail', INTAKE_MAIL_FROM: 'a@b' })).toThrow(/INTAKE_SMTP_URL/);
    expect(() => loadIntakeSettings({ INTAKE_EMAIL: 'smtp', INTAKE_SMTP_URL: smtpUrl })).toThrow(/INTAKE_MAIL_FROM/);
  });
});

describe('intake wired to the SMS gateway and the mail relay', () => {
  const env = newTestEnv();
  let intake: RunningService;
  let rpc: RpcCaller;
  const enterprise = actors.enterprise(BAOTOU_USCC);

  beforeAll(async () => {
    const settings = loadIntakeSettings({
      INTAKE_SMS: 'http',
      INTAKE_SMS_URL: smsUrl,
      INTAKE_SMS_KEY: KEY,
      INTAKE_SMS_SIGN: SIGN,
      INTAKE_EMAIL: 'smtp',
      INTAKE_SMTP_URL: smtpUrl,
      INTAKE_MAIL_FROM: '工信厅 <noreply@gxt.example.gov.cn>',
    });
    intake = await startServiceInProcess(env, 'intake', (c) => intakeModule(c, settings));
    rpc = await RpcCaller.connect(env);
  });

  afterAll(async () => {
    await rpc?.close();
    await intake?.close();
    await cleanupTestEnv(env);
  });

  it('M7.3 a return for correction reaches the contacts through the real adapters, with the providers\' references recorded', async () => {
    const batchId = (await openBatch(rpc, actors.department())).id;
    await registerEnterprise(rpc, enterprise);
    await rpc.request(
      UpdateEnterpriseProfile,
      { expectedRevision: 0, contacts: [{ name: '李娜', phone: '13700000000', email: 'lina.wired@example.cn' }] } as unknown as UpdateEnterpriseProfileV1,
      enterprise,
    );
    const { app } = await submitAndReturn(env, rpc, enterprise, batchId);
    const rows = await eventually(
      () =>
        sql<{ channel: string; state: string; provider_ref: string | null }>(
          env,
          `SELECT channel, state, provider_ref FROM "${schemaOf(env, 'intake')}".message_deliveries WHERE body LIKE '%' || $1 || '%' ORDER BY channel`,
          [app.applicationNo],
        ),
      (r) => r.length === 2 && r.every((d) => d.state === 'sent'),
      { what: 'the SMS and the e-mail to be sent' },
    );
    const sms = gateway.received.find((m) => m.phone === '13700000000')!;
    const mail = mailbox.find((m) => m.to.includes('lina.wired@example.cn'))!;
    expect(sms.content.startsWith(`${SIGN}【首台（套）认定】申请被退回补正：`)).toBe(true);
    expect(bodyOf(mail.raw)).toContain(app.applicationNo);
    expect(rows.map((r) => [r.channel, r.provider_ref])).toEqual([
      ['email', expect.stringMatching(/^Q\d+X$/)],
      ['sms', gateway.seen.get(sms.messageId)],
    ]);
  });
});
