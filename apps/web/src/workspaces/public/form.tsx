import { ReactNode, useId } from 'react';
import { ProblemError } from '../../shared/api/client';

// Form fields of the public pages without antd's Form: a label, the control, its help and its error,
// tied together for screen readers; and a failed request's messages placed at the fields they name.

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The props a field's control takes from its field. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled field; `control` gets the id and the descriptions to put on the input. */
export function Field({ label, help, error, control }: { label: string; help?: ReactNode; error?: string; control: (p: ControlProps) => ReactNode }) {
  const id = useId();
  const described = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="pub-field">
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {help && <div id={`${id}-help`} className="pub-help">{help}</div>}
      {error && <div id={`${id}-error`} className="pub-field-error">{error}</div>}
    </div>
  );
}

/** Moves focus to the first field marked invalid in a form, after its errors are shown. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}

/**
 * A failed request, as the console's showProblem places it: each error whose field the form has
 * goes under that field (the server's text in the user's language); the rest, with the problem's
 * title, is one message for the top of the form.
 */
export function placeProblem<K extends string>(err: unknown, title: (t: string) => string, fields: readonly K[]): { fields: FieldErrors<K>; message?: string } {
  if (!(err instanceof ProblemError)) return { fields: {}, message: title(String(err)) };
  const p = err.problem;
  const placed: FieldErrors<K> = {};
  const rest: string[] = [];
  for (const e of p.errors ?? []) {
    const field = e.field.split('.')[0] as K;
    if (fields.includes(field)) placed[field] = placed[field] ? `${placed[field]}；${title(e.message)}` : title(e.message);
    else rest.push(e.field ? `${e.field}: ${title(e.message)}` : title(e.message));
  }
  const message = Object.keys(placed).length === 0 || rest.length ? [title(p.title), ...rest].join('；') : undefined;
  return { fields: placed, message };
}
