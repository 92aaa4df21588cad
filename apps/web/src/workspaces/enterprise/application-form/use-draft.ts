import type { FormInstance } from 'antd';
import { useCallback, useRef } from 'react';
import { ProblemError } from '../../../shared/api/client';
import type { components } from '../../../shared/api/generated/schema';
import { $api, useInvalidate } from '../../../shared/api/query';
import type { ApplicationDraft } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { fieldPath, FormValues, Group, Patch, toFormValues, toPatch } from './draft';
import { SaveOutcome, useAutosave } from './use-autosave';

type DraftBody = components['schemas']['DraftBody'];

/** A refused save's field errors, put at the form's fields (rows mapped back); how many fields. */
function showFieldErrors(form: FormInstance, errors: NonNullable<ProblemError['problem']['errors']>, rows: Patch['rows'], title: (s: string) => string): number {
  const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
  for (const e of errors) {
    const name = fieldPath(e.field, rows);
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    const text = title(e.message);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size;
}

/**
 * The draft behind the form: each autosave PATCHes the groups changed since the last, with the
 * revision the form was loaded at (a save made elsewhere meanwhile is refused as stale, 409). The
 * form holds what the user types; the cached application is refreshed after each save for the other
 * pages, and put back into the form only when the user reloads it after a conflict.
 */
export function useDraft(form: FormInstance, application: ApplicationDraft, refetch: () => Promise<{ data?: ApplicationDraft }>) {
  const { title } = useI18n();
  const invalidate = useInvalidate();
  const id = application.id;
  const revision = useRef(application.revision);
  const { mutateAsync: patch } = $api.useMutation('patch', '/api/applications/{id}');

  const send = useCallback(
    async (groups: Group[]): Promise<SaveOutcome> => {
      const p = toPatch(form.getFieldsValue(true) as FormValues, groups);
      try {
        // The form's patch is built field group by field group (draft.ts); the server validates it whole.
        const saved = await patch({ params: { path: { id } }, body: { ...p.body, expectedRevision: revision.current } as DraftBody });
        revision.current = saved.revision;
        void invalidate('/api/applications/{id}', '/api/applications');
        // The check counts answered correction items: show it the saved answers.
        if (groups.includes('correctionAnswers')) void invalidate('/api/applications/{id}/check');
        return { kind: 'ok' };
      } catch (err) {
        if (!(err instanceof ProblemError)) return { kind: 'failed', title: String(err) };
        const problem = err.problem;
        if (problem.code === 'STALE_REVISION') return { kind: 'conflict' };
        if (problem.errors?.length) return { kind: 'invalid', count: showFieldErrors(form, problem.errors, p.rows, title) };
        return { kind: 'failed', title: title(problem.title) };
      }
    },
    [form, id, patch, invalidate, title],
  );
  const { status, queue } = useAutosave<Group>(send);

  // After a conflict: the saved draft, asked again, replaces what the form holds.
  const reload = useCallback(async () => {
    const { data } = await refetch();
    if (!data) return;
    revision.current = data.revision;
    form.resetFields();
    form.setFieldsValue(toFormValues(data));
    queue.reset();
  }, [form, queue, refetch]);

  return { status, autosave: queue, reload };
}
