import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ProblemError } from '../api/client';

/**
 * A failed request at the form: each field the problem names gets its title (in the user's
 * language) under it; a problem without known fields becomes a message at the top.
 */
export function showProblem(err: unknown, title: (t: string) => string, message: MessageInstance, form?: FormInstance): void {
  if (!(err instanceof ProblemError)) {
    message.error(title(String(err)));
    return;
  }
  const p = err.problem;
  const known = new Set(form ? Object.keys(form.getFieldsValue(true) ?? {}) : []);
  const fields = (p.errors ?? []).filter((e) => known.has(e.field));
  if (form && fields.length) {
    form.setFields(fields.map((e) => ({ name: e.field, errors: [title(p.title)] })));
  } else {
    message.error(title(p.title));
  }
}
