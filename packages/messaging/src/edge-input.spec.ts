import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { IsLocalDate, MultilineText } from '@firstset/contracts';
import { jsonNestsDeeperThan, parseJsonAtEdge } from './edge-input';
import { validatePayload } from './validation';

class Item {
  @IsString() title!: string;
  @IsOptional() @IsString() @MultilineText() note?: string;
}

class Form {
  @IsString() name!: string;
  @IsOptional() @IsString() @MultilineText() reason?: string;
  @IsOptional() @IsLocalDate() on?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Item) items?: Item[];
}

const refusal = (text: string) => {
  const r = parseJsonAtEdge(text);
  return r.ok ? undefined : r.refusal;
};
const rulesOf = (text: string) => refusal(text)?.errors?.map((e) => [e.field, e.rule]);
const edgeErrors = async (plain: unknown) => {
  const r = await validatePayload(Form, plain, { edge: true });
  return r.ok ? [] : r.errors.map((e) => [e.field, e.rule]);
};

describe('parseJsonAtEdge', () => {
  it('refuses a body nested 10,000 deep before parsing it, and accepts 32 levels', () => {
    expect(refusal(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)?.code).toBe('JSON_TOO_DEEP');
    expect(refusal(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)?.code).toBe('JSON_TOO_DEEP');
    expect(parseJsonAtEdge(`${'['.repeat(32)}${']'.repeat(32)}`).ok).toBe(true);
  });

  it('counts only brackets outside strings (escaped quotes included)', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ a: '[[[[[["\\' }), 2)).toBe(false);
    expect(jsonNestsDeeperThan('[[[]]]', 2)).toBe(true);
  });

  it('answers malformed and oversized bodies with their own codes', () => {
    expect(refusal('{"a": ')?.code).toBe('MALFORMED_JSON');
    expect(refusal(JSON.stringify({ a: 'x'.repeat(1024 * 1024) }))?.code).toBe('JSON_TOO_LARGE');
  });

  it.each([
    ['a NUL byte', '{"a":"x\\u0000y"}', [['a', 'controlCharacters']]],
    ['an escape character', '{"a":["ok","\\u001b[31m"]}', [['a.1', 'controlCharacters']]],
    ['a C1 control', '{"a":"\\u0085"}', [['a', 'controlCharacters']]],
    ['an unpaired surrogate', '{"a":"\\ud800"}', [['a', 'wellFormedText']]],
    ['a __proto__ key', '{"__proto__":{"admin":true}}', [['__proto__', 'prototypeKey']]],
    ['a nested constructor key', '{"a":{"constructor":{"prototype":{}}}}', [['a.constructor', 'prototypeKey']]],
    ['1e308', '{"n":1e308}', [['n', 'safeNumber']]],
    ['an integer JSON.parse would round', '{"n":9007199254740993}', [['n', 'safeNumber']]],
    ['a negative one', '{"n":[-9007199254740992]}', [['n.0', 'safeNumber']]],
  ])('refuses %s, naming the field', (_what, text, expected) => {
    expect(rulesOf(text)).toEqual(expected);
  });

  it('accepts what the rules allow: line breaks and tabs in strings, the largest safe integer, fractions', () => {
    const r = parseJsonAtEdge('{"a":"line\\nline\\ttab","n":9007199254740991,"f":-0.5,"t":"内蒙古 \u{1F600}"}');
    expect(r).toEqual({ ok: true, value: { a: 'line\nline\ttab', n: 9007199254740991, f: -0.5, t: '内蒙古 \u{1F600}' } });
  });
});

describe('validatePayload at the edge (text rules)', () => {
  it('allows line breaks only in @MultilineText() fields, at any depth', async () => {
    expect(await edgeErrors({ name: 'a', reason: '第一行\n第二行\t', items: [{ title: 't', note: 'x\r\ny' }] })).toEqual([]);
    expect(await edgeErrors({ name: 'a\nb', items: [{ title: 'ok' }, { title: 'x\ty' }] })).toEqual([
      ['name', 'singleLineText'],
      ['items.1.title', 'singleLineText'],
    ]);
  });

  it('refuses control characters in query-like values that never passed through the JSON parser', async () => {
    expect(await edgeErrors({ name: 'a\u0000' })).toEqual([['name', 'controlCharacters']]);
  });

  it.each(['2026-02-30', '9999-99-99', '2027-02-29', '1899-12-31', '2026-2-3', '20260101'])('refuses %s as a date (the domain parser)', async (on) => {
    expect(await edgeErrors({ name: 'a', on })).toEqual([['on', 'isLocalDate']]);
  });

  it('accepts 29 February of a leap year', async () => {
    expect(await edgeErrors({ name: 'a', on: '2028-02-29' })).toEqual([]);
  });

  it('leaves the text rules out when not asked (events from the outbox)', async () => {
    expect((await validatePayload(Form, { name: 'a\nb' })).ok).toBe(true);
  });
});
