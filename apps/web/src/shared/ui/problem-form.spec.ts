import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { describe, expect, it, vi } from 'vitest';

// The API client reads the page's origin on import; these tests run in Node.
vi.hoisted(() => Object.assign(globalThis, { window: { location: { origin: 'http://localhost' } } }));
import { ProblemError } from '../api/client';
import { localTitle } from '../i18n/translate';
import { formName, showProblem } from './problem-form';

function fakeForm(values: Record<string, unknown>) {
  const set: Array<{ name: Array<string | number>; errors: string[] }> = [];
  const form = { getFieldsValue: () => values, setFields: (f: typeof set) => set.push(...f) } as unknown as FormInstance;
  return { form, set };
}

function fakeMessage() {
  const shown: string[] = [];
  return { message: { error: (t: string) => shown.push(t) } as unknown as MessageInstance, shown };
}

const invalid = new ProblemError({
  title: '请求内容有误 / The request is invalid',
  status: 400,
  code: 'VALIDATION_FAILED',
  errors: [
    { field: 'name', message: '不能为空 / must not be empty' },
    { field: 'holidays.1.date', message: '格式不正确 / has the wrong format' },
    { field: 'isAdmin', message: '不允许提交此字段 / is not allowed (should not exist)' },
  ],
});

describe('showProblem', () => {
  it("puts each error's own message at its field, nested paths included, in the user's language", () => {
    const { form, set } = fakeForm({ name: '', holidays: [{}, {}] });
    const { message, shown } = fakeMessage();
    showProblem(invalid, (t) => localTitle('zh-CN', t), message, form);
    expect(set).toEqual([
      { name: ['name'], errors: ['不能为空'] },
      { name: ['holidays', 1, 'date'], errors: ['格式不正确'] },
    ]);
    // The field this form does not have is still said, at the top.
    expect(shown).toEqual(['请求内容有误；isAdmin: 不允许提交此字段']);
  });

  it('speaks English to an English user and shows only the title when every field was placed', () => {
    const { form, set } = fakeForm({ name: '', holidays: [], isAdmin: false });
    const { message, shown } = fakeMessage();
    showProblem(invalid, (t) => localTitle('en', t), message, form);
    expect(set.map((f) => f.errors[0])).toEqual(['must not be empty', 'has the wrong format', 'is not allowed (should not exist)']);
    expect(shown).toEqual([]);
  });

  it('without a form, says the title', () => {
    const { message, shown } = fakeMessage();
    showProblem(new ProblemError({ title: '冲突 / Conflict', status: 409, code: 'X' }), (t) => localTitle('zh-CN', t), message);
    expect(shown).toEqual(['冲突']);
  });
});

describe('formName', () => {
  it('turns list indices into numbers', () => {
    expect(formName('indicators.0.value')).toEqual(['indicators', 0, 'value']);
  });
});
