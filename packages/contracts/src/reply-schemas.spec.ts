import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as contracts from './index';
import { MessageContract } from './index';
import { REPLY_SCHEMAS } from './reply-schemas.generated';

const all = (Object.values(contracts) as unknown[]).filter(
  (v): v is MessageContract => typeof v === 'object' && v !== null && 'subject' in v && 'schema' in v,
);

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('reply schemas', () => {
  it('the committed schemas match the reply types (run generate:replies after changing one)', () => {
    const script = join(__dirname, '..', 'scripts', 'reply-schemas.mjs');
    const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain('matches');
  });

  it('every reply a contract names has a schema with content', () => {
    const named = all.filter((c) => c.reply).map((c) => c.reply!);
    expect(named.length).toBeGreaterThan(50);
    const missing = named.filter((n) => !REPLY_SCHEMAS[n] || Object.keys(REPLY_SCHEMAS[n]).length === 0);
    expect(missing).toEqual([]);
  });

  it('events name no reply; the commands and queries the gateway serves do', () => {
    expect(all.filter((c) => c.kind === 'event' && c.reply).map((c) => c.subject)).toEqual([]);
    expect(contracts.GetApplication.reply).toBe('ApplicationDetailV1');
    expect(contracts.ListReviewQueue.reply).toBe('QueueRowListV1');
  });

  it('every reference inside the schemas resolves to a schema of the file', () => {
    const dangling = refsIn(REPLY_SCHEMAS).filter((r) => !REPLY_SCHEMAS[r.replace('#/definitions/', '')]);
    expect(dangling).toEqual([]);
  });

  it('a nullable field is typed as such, and a required one is listed (ApplicationViewV1)', () => {
    const view = REPLY_SCHEMAS.ApplicationViewV1 as { properties: Record<string, unknown>; required: string[] };
    expect(view.required).toEqual(expect.arrayContaining(['id', 'state', 'correction', 'submittedAt']));
    expect(view.required).not.toContain('history');
    expect(JSON.stringify(view.properties.submittedAt)).toContain('null');
  });
});
