import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as contracts from './index';
import { MessageContract } from './index';

// The contracts are read by context: <context>/{commands,events,queries}/<name>.v<N>.ts, one contract a
// file, the file's version that of its subject. Checked on the source text, so a second contract
// slipped into a file or a subject bumped without renaming its file fails here.
const CONTEXTS = ['intake', 'preliminary-review', 'expert-management', 'publicity', 'compliance', 'oversight', 'common'];
const DIR_OF = { event: 'events', command: 'commands', query: 'queries' } as const;
const NAMESPACE_OF: Record<string, unknown> = {
  intake: contracts.Intake,
  'preliminary-review': contracts.PreliminaryReview,
  'expert-management': contracts.ExpertManagement,
  publicity: contracts.Publicity,
  compliance: contracts.Compliance,
  oversight: contracts.Oversight,
};
// Every define…(subject, …) call with its subject, whether quoted or a template.
const DEFINE = /\bdefine(Event|Command|Query|Contract)\(\s*(?:'(?:event|command|query)',\s*)?(['"`])([^'"`]+)\2/g;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );

const defined = sources(__dirname)
  .filter((f) => !f.endsWith(`${sep}contract.ts`))
  .map((f) => ({
    file: relative(__dirname, f).split(sep).join('/'),
    definitions: [...readFileSync(f, 'utf8').matchAll(DEFINE)].map((m) => ({ kind: m[1].toLowerCase(), subject: m[3] })),
  }));
const exported = (Object.values(contracts) as unknown[]).filter(
  (v): v is MessageContract => typeof v === 'object' && v !== null && 'subject' in v && 'schema' in v,
);

describe('contract layout', () => {
  it('defines at most one contract in a file', () => {
    const crowded = defined.filter((d) => d.definitions.length > 1).map((d) => `${d.file}: ${d.definitions.map((x) => x.subject).join(', ')}`);
    expect(crowded).toEqual([]);
  });

  it('files each contract under <context>/<kind>s/ with its subject version in the name', () => {
    const wrong = defined.flatMap(({ file, definitions }) =>
      definitions
        .filter(({ kind, subject }) => {
          const [context, dir, name, extra] = file.split('/');
          const version = subject.match(/\.(v\d+)$/)?.[1];
          const ownContext = CONTEXTS.includes(context) && (context === 'common' || subject.startsWith(`${context}.`));
          return extra !== undefined || !ownContext || dir !== DIR_OF[kind as keyof typeof DIR_OF] || !name?.endsWith(`.${version}.ts`);
        })
        .map(({ subject }) => `${file} defines ${subject}`),
    );
    expect(wrong).toEqual([]);
  });

  it('finds every exported contract in the scan (none is defined out of its sight)', () => {
    const scanned = defined.flatMap((d) => d.definitions.map((x) => x.subject)).filter((s) => !s.includes('${'));
    expect(new Set(scanned)).toEqual(new Set(exported.map((c) => c.subject)));
    expect(scanned).toHaveLength(exported.length);
  });

  it('exports every contract in exactly its own context namespace, and flat as well', () => {
    for (const c of exported) {
      const homes = Object.entries(NAMESPACE_OF).filter(([, ns]) => Object.values(ns as object).includes(c));
      expect([c.subject, homes.map(([name]) => name)]).toEqual([c.subject, [c.subject.split('.')[0]]]);
    }
    expect(contracts.Intake.SubmitApplication).toBe(contracts.SubmitApplication);
    expect(contracts.Compliance.ExpertDisqualified).toBe(contracts.ExpertDisqualified);
  });

  it('keeps contract.ts free of imports, so the contracts, views and replies form no cycle', () => {
    const source = readFileSync(join(__dirname, 'contract.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export\s+[^=]*\bfrom)\b/m);
  });

  it('leaves the reply schemas out of the main entry (the gateway imports @firstset/contracts/reply-schemas)', () => {
    expect('REPLY_SCHEMAS' in contracts).toBe(false);
  });
});
