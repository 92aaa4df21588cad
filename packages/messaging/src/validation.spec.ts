import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { defineContract } from './contract';
import { validatePayload } from './validation';

class Inner {
  @IsInt()
  n!: number;
}

class Outer {
  @IsString()
  id!: string;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

describe('validatePayload', () => {
  it('returns an instance of the DTO when valid', async () => {
    const r = await validatePayload(Outer, { id: 'a', inner: { n: 1 } });
    expect(r.ok && r.value instanceof Outer).toBe(true);
  });

  it('reports unknown properties and nested errors with dotted field paths', async () => {
    const r = await validatePayload(Outer, { id: 1, inner: { n: 'x', extra: true }, more: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field).sort()).toEqual(['id', 'inner.extra', 'inner.n', 'more']);
    }
  });

  it.each([null, [], 'text', 3])('refuses a payload that is not an object: %p', async (v) => {
    expect((await validatePayload(Outer, v)).ok).toBe(false);
  });
});

describe('defineContract', () => {
  it('accepts versioned lower-case subjects only', () => {
    expect(defineContract('event', 'intake.application.submitted.v1', Outer).subject).toBe(
      'intake.application.submitted.v1',
    );
    expect(() => defineContract('event', 'intake.application.submitted', Outer)).toThrow();
    expect(() => defineContract('command', 'intake.*.submit.v1', Outer)).toThrow();
    expect(() => defineContract('query', 'Intake.Get.v1', Outer)).toThrow();
  });
});

describe('validatePayload of a contract without properties', () => {
  class NoFields {}

  it('accepts an empty object and refuses any property', async () => {
    expect((await validatePayload(NoFields, {})).ok).toBe(true);
    const res = await validatePayload(NoFields, { extra: 1 });
    expect(res).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'extra' })] });
  });
});

describe('the validation metadata cache', () => {
  it('gives the same verdicts as before, and sees rules added after the first validation', async () => {
    const { Min } = await import('class-validator');
    class Late {
      @IsInt()
      n!: number;
    }
    expect((await validatePayload(Late, { n: 0 })).ok).toBe(true);
    expect((await validatePayload(Late, { n: 'x' })).ok).toBe(false);
    Min(1)(Late.prototype, 'n'); // a rule added after the lookups were remembered
    const checked = await validatePayload(Late, { n: 0 });
    expect(checked).toEqual({ ok: false, errors: [{ field: 'n', message: '不能小于 1 / must be at least 1', rule: 'min' }] });
    expect((await validatePayload(Late, { n: 3 })).ok).toBe(true);
  });
});
