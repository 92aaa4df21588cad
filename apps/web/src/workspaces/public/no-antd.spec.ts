import '../../test-support/static-render';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pagesAround } from './ui';
import { placeProblem } from './form';
import { ProblemError } from '../../shared/api/client';

const here = dirname(fileURLToPath(import.meta.url));
const src = resolve(here, '../..');

/** A module's relative imports: its static ones, and its lazy ones when `lazyToo`. */
function importsOf(file: string, lazyToo: boolean): string[] {
  const code = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  // Type-only imports leave nothing in the bundle.
  const found = [...code.matchAll(/^import\s(?!type\s)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'|^export\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? m[2] ?? m[3]);
  const lazy = lazyToo ? [...code.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1]) : [];
  return [...found, ...lazy];
}

const resolveFrom = (file: string, spec: string) =>
  ['.ts', '.tsx', '/index.ts', ''].map((ext) => resolve(dirname(file), spec) + ext).find((f) => existsSync(f) && !f.endsWith('/') && /\.(tsx?|css)$/.test(f));

/**
 * The modules a signed-out visitor of /public can load, and the UI libraries any of them imports:
 * the entry (main.tsx) with what it imports, and each public page with what it imports or loads
 * lazily; the console's route tree (console.tsx: antd) is loaded lazily from the router, not followed.
 */
function uiLibrariesOfPublicPages(): string[] {
  const roots = [join(src, 'main.tsx'), ...readdirSync(here).filter((f) => /\.tsx$/.test(f) && f !== 'login.tsx').map((f) => join(here, f))];
  const seen = new Set<string>();
  const offending: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file) || file.endsWith('.css')) return;
    seen.add(file);
    for (const spec of importsOf(file, file.startsWith(here))) {
      if (/^(antd|@ant-design|rc-|@rc-component|dayjs)/.test(spec)) offending.push(`${file.slice(src.length + 1)} → ${spec}`);
      else if (spec.startsWith('.')) {
        const target = resolveFrom(file, spec);
        if (target) visit(target);
      }
    }
  };
  roots.forEach(visit);
  return offending;
}

describe('the public pages without antd (ADR 0032)', () => {
  it('import no antd, no antd part and no dayjs, from the entry down to every public page and its tabs', () => {
    expect(uiLibrariesOfPublicPages()).toEqual([]);
  });

  it('the pager offers the first, the last and two pages either side of the current one', () => {
    expect(pagesAround(1, 1)).toEqual([1]);
    expect(pagesAround(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagesAround(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
    expect(pagesAround(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
  });

  it('a refused request’s errors go under the fields they name; the rest, with the title, above the form', () => {
    const err = new ProblemError({
      title: '请求无效 / Invalid request',
      status: 400,
      code: 'VALIDATION',
      errors: [
        { field: 'phone', message: '电话格式不正确 / Bad phone' },
        { field: 'entryId', message: '条目不在公示中 / Not publicized' },
      ],
    });
    const zh = (s: string) => s.split(' / ')[0];
    expect(placeProblem(err, zh, ['phone', 'grounds'])).toEqual({ fields: { phone: '电话格式不正确' }, message: '请求无效；entryId: 条目不在公示中' });
    expect(placeProblem(new ProblemError({ title: '冲突 / Conflict', status: 409, code: 'X', errors: [{ field: 'grounds', message: '太短 / Short' }] }), zh, ['grounds'])).toEqual({ fields: { grounds: '太短' }, message: undefined });
    expect(placeProblem(new Error('offline'), zh, ['phone']).message).toBe('Error: offline');
  });
});
