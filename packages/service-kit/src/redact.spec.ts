import { Writable } from 'node:stream';
import { createLogger, NestPinoLogger } from './logger';
import { redactText } from './redact';

/** A logger writing into memory, exactly as in production (same options, same hooks). */
function capture(): { lines: () => Array<Record<string, unknown>>; raw: () => string; logger: ReturnType<typeof createLogger> } {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const logger = createLogger('svc', 'debug', sink);
  return { logger, raw: () => out, lines: () => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('personal data is redacted from log text by value', () => {
  it.each([
    ['mobile', '申请人手机 13912345678 已登记', '申请人手机 [redacted] 已登记'],
    ['mobile next to Chinese', '电话13912345678。', '电话[redacted]。'],
    ['mobile with +86 and spaces', 'call +86 139 1234 5678 now', 'call [redacted] now'],
    ['mobile with 0086 and dashes', '0086-139-1234-5678', '[redacted]'],
    ['mobile after a JSON newline escape', String.raw`"a\n13912345678"`, String.raw`"a\n[redacted]"`],
    ['landline with area code', '办公电话 010-62345678 转 8001', '办公电话 [redacted]'],
    ['landline in brackets', '(0755)8234567', '[redacted]'],
    ['landline +86 without the 0', '+86-10-62345678', '[redacted]'],
    ['landline without separators', 'tel:075582345678', 'tel:[redacted]'],
    ['resident ID number', 'id 15010219900307123X ok', 'id [redacted] ok'],
    ['e-mail', 'mail Zhang.San+tag@Example.COM.cn please', 'mail [redacted] please'],
    ['e-mail URL-encoded in a query', '/api/accounts?email=wang%40example.org&x=1', '/api/accounts?email=[redacted]&x=1'],
    ['e-mail with a full-width at sign', 'li＠example.cn', '[redacted]'],
    ['e-mail JSON-escaped', String.raw`li\u0040example.cn`, '[redacted]'],
  ])('%s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    ['a uuid whose last group is digits', 'a1b2c3d4-0000-4000-8000-139123456789'],
    ['a sha-256 with a run of digits', 'f0a13912345678e2c4'],
    ['an epoch in milliseconds', '"time":1764806661000'],
    ['an ISO date and time', '2026-12-04T00:04:21.123Z'],
    ['a USCC (an enterprise, not a person)', '91150100MA0N1234XY'],
    ['a JetStream sequence and durations', 'seq=13 ms=1391'],
    ['an IP address and port', '127.0.0.1:5432'],
    ['a year-dash-number', 'batch 2026-12345678'],
  ])('leaves %s alone', (_name, input) => {
    expect(redactText(input)).toBe(input);
  });

  it('costs linear time on hostile input (no catastrophic backtracking)', () => {
    const hostile = [
      'a'.repeat(200_000) + '@',
      'a@' + 'b.'.repeat(100_000),
      '1'.repeat(200_000),
      '+86-'.repeat(50_000),
      ('0755-' + '8'.repeat(7)).repeat(20_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      redactText(text);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('redacts the message, nested fields, arrays and error stacks of a real log line, and the line stays JSON', () => {
    const { logger, lines, raw } = capture();
    const err = new Error('duplicate account zhao@example.com');
    logger.info(
      { applicant: { contacts: [{ tel: '13800138000' }, { note: '邮箱 qian@example.cn' }] }, depth: { a: { b: { c: { d: '0086 13912345678' } } } }, err },
      'login by sun@example.com from 13712345678',
    );
    const [line] = lines();
    expect(raw()).not.toMatch(/13800138000|13912345678|13712345678|@example\./);
    expect(line.msg).toBe('login by [redacted] from [redacted]');
    expect(line.applicant).toEqual({ contacts: [{ tel: '[redacted]' }, { note: '邮箱 [redacted]' }] });
    expect((line.err as { message: string }).message).toBe('duplicate account [redacted]');
    expect((line.err as { stack: string }).stack).toContain('duplicate account [redacted]');
  });

  it('redacts what the messaging package and Nest log through NestPinoLogger (objects with msg)', () => {
    const { logger, lines } = capture();
    const nest = new NestPinoLogger(logger);
    nest.warn({ msg: 'event dead-lettered', requestId: 'r-1', detail: 'phone: must not be 15912345678' }, 'EventConsumers');
    nest.error('boom for 18912345678', 'stack with li@example.cn', 'Ctx');
    const [a, b] = lines();
    expect(a.detail).toBe('phone: must not be [redacted]');
    expect(a.requestId).toBe('r-1');
    expect(b.msg).toBe('boom for [redacted]');
    expect(JSON.stringify(b)).not.toContain('li@example.cn');
  });

  it('keeps the path-based masks (password, token) as before', () => {
    const { logger, lines } = capture();
    logger.info({ body: { password: 'hunter2' }, token: 'abc' }, 'x');
    expect(lines()[0]).toMatchObject({ body: { password: '[redacted]' }, token: '[redacted]' });
  });
});
