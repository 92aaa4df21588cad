import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ProblemError } from '../../shared/api/client';
import { showProblem } from '../../shared/ui/problem-form';

/**
 * A server refusal at the field it is about: a problem whose code is listed goes under `field`
 * (in the user's language); anything else as showProblem shows it (named fields, else a message).
 */
export function showRefusalAt(err: unknown, codes: readonly string[], field: string, form: FormInstance, title: (t: string) => string, message: MessageInstance): void {
  if (err instanceof ProblemError && codes.includes(err.problem.code)) {
    form.setFields([{ name: field, errors: [title(err.problem.title)] }]);
    return;
  }
  showProblem(err, title, message, form);
}
