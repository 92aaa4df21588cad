import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ProblemError } from '../api/client';

/** A server field path (`holidays.0.date`) as an antd form name (`['holidays', 0, 'date']`). */
export function formName(field: string): Array<string | number> {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * A failed request at the form: each field the problem names gets its own message (the server's
 * "中文 / English", in the user's language) under it; what has no field on this form goes to a
 * message at the top, with the problem's title.
 */
export function showProblem(err: unknown, title: (t: string) => string, message: MessageInstance, form?: FormInstance): void {
  if (!(err instanceof ProblemError)) {
    message.error(title(String(err)));
    return;
  }
  const p = err.problem;
  const known = new Set(form ? Object.keys(form.getFieldsValue(true) ?? {}) : []);
  const errors = p.errors ?? [];
  const placed = errors.filter((e) => known.has(e.field.split('.')[0]));
  if (form && placed.length) {
    const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
    for (const e of placed) {
      const entry = byField.get(e.field) ?? { name: formName(e.field), errors: [] };
      const text = title(e.message);
      if (!entry.errors.includes(text)) entry.errors.push(text);
      byField.set(e.field, entry);
    }
    form.setFields([...byField.values()]);
  }
  const rest = errors.filter((e) => !placed.includes(e));
  if (!placed.length || rest.length) {
    const details = rest.map((e) => (e.field ? `${e.field}: ${title(e.message)}` : title(e.message)));
    message.error([title(p.title), ...details].join('；'));
  }
}
