import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { loadLocale, localTitle, translate } from './translate';
import { zhCN } from './zh-CN';

// The domain package is CommonJS: loaded as Node loads it.
const domain = createRequire(import.meta.url)('@firstset/domain') as {
  STATE_LABELS: Record<string, { zh: string }>;
  ACTION_LABELS: Record<string, { zh: string }>;
  ROLE_LABELS: Record<string, { zh: string }>;
};

/**
 * Words a zh-CN string may carry in Latin letters: the switch to English names its language, and
 * file formats are named so in Chinese UIs too (导出 Excel, PDF 文件).
 */
const LATIN_ALLOWED: Partial<Record<keyof typeof zhCN, true>> = {
  'app.language.switch': true,
  'summary.export.table': true,
  'summary.export.letter': true,
  'summary.supplement.letter': true,
  'summary.supplement.table': true,
  'import.formats': true,
  'siteVisit.evidence.help': true,
  'tracking.files.help': true,
  'tracking.files.tooLarge': true,
  'reports.exportPdf': true,
  'reports.exportXlsx': true,
  'audit.export': true,
  'dashboards.downloadCsv': true,
  'dashboards.downloadXlsx': true,
  // The hash's algorithm is named so in Chinese notices too (M9.2).
  'decide.list.hash': true,
  'notice.hash': true,
  'objections.form.files.hint': true,
  'inquiries.files.help': true,
  // The receipt number's shape, as printed on the receipt.
  'objections.follow.receiptNo.invalid': true,
};

describe('the dictionaries', () => {
  it('translate every key into English, none left blank', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, text] of Object.entries(en)) expect([key, text.trim().length > 0]).toEqual([key, true]);
  });

  it('leave no English in zh-CN', () => {
    const leaks = Object.entries(zhCN).filter(([key, text]) => !LATIN_ALLOWED[key as keyof typeof zhCN] && /[A-Za-z]{2,}/.test(text.replace(/\{\w+\}/g, '')));
    expect(leaks).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect([key, names(en[key])]).toEqual([key, names(zhCN[key])]);
  });

  it('name every state, action and role as the domain does (GLOSSARY)', () => {
    const table = { state: domain.STATE_LABELS, action: domain.ACTION_LABELS, role: domain.ROLE_LABELS } as const;
    for (const [prefix, labels] of Object.entries(table)) {
      for (const [name, label] of Object.entries(labels)) {
        expect([`${prefix}.${name}`, zhCN[`${prefix}.${name}` as keyof typeof zhCN]]).toEqual([`${prefix}.${name}`, label.zh]);
      }
    }
  });
});

describe('translate', () => {
  it('fills placeholders and keeps unknown ones visible', async () => {
    expect(translate('zh-CN', 'common.total', { total: 3 })).toBe('共 3 条');
    // English until loaded: the Chinese words (translate.ts).
    expect(translate('en', 'common.total', { total: 3 })).toBe('共 3 条');
    await loadLocale('en');
    expect(translate('en', 'common.total')).toBe('{total} in all');
  });

  it('shows the half of a server title in the user language', () => {
    expect(localTitle('zh-CN', '请求内容有误 / The request is invalid')).toBe('请求内容有误');
    expect(localTitle('en', '请求内容有误 / The request is invalid')).toBe('The request is invalid');
    expect(localTitle('en', '只有中文')).toBe('只有中文');
  });
});

describe('the pages', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.tsx') ? [join(dir, f)] : []));

  it('put no literal text in JSX: every user-facing string goes through the dictionary', () => {
    const src = join(__dirname, '..', '..');
    const literal = /(?<!=)>\s*([^<>{}`'"=;()]*[A-Za-z\u4e00-\u9fff][^<>{}`'"=;()]*?)\s*[<{]/g;
    const found = files(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(literal)]
        .map((m) => m[1].trim())
        .filter((text) => /[A-Za-z\u4e00-\u9fff]/.test(text) && !/^[|&]/.test(text)) // not a type union
        .map((text) => `${file.slice(src.length + 1)}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});
