import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntakeSettings } from './config';

describe('intake settings from files (ADR 0035)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'intake-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content, { mode: 0o600 });
    return join(dir, name);
  };

  it('reads the SMS key and the SMTP URL from the files their _FILE variables name', () => {
    const settings = loadIntakeSettings({
      INTAKE_SMS: 'http',
      INTAKE_SMS_URL: 'https://sms.example.gov.cn/send',
      INTAKE_SMS_KEY_FILE: file('sms', 'k3y-from-file\n'),
      INTAKE_SMS_SIGN: '【内蒙古工信厅】',
      INTAKE_EMAIL: 'smtp',
      INTAKE_SMTP_URL_FILE: file('smtp', 'smtps://user:pa55@mail.example.gov.cn:465\n'),
      INTAKE_MAIL_FROM: 'noreply@example.gov.cn',
    });
    expect(settings.sms?.key).toBe('k3y-from-file');
    expect(settings.email?.url).toBe('smtps://user:pa55@mail.example.gov.cn:465');
  });

  it('refuses a value and a file for the same setting, and a file that is not there', () => {
    expect(() => loadIntakeSettings({ INTAKE_SMS_KEY: 'a', INTAKE_SMS_KEY_FILE: file('sms', 'b') })).toThrow(
      /both set/,
    );
    expect(() => loadIntakeSettings({ INTAKE_SMTP_URL_FILE: join(dir, 'absent') })).toThrow(
      /INTAKE_SMTP_URL_FILE: cannot read/,
    );
  });
});
