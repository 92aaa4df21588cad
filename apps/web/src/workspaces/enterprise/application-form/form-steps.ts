import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { MessageKey } from '../../../shared/i18n/zh-CN';

/** The form's steps in order, each with its title and its name in the URL (`?step=check`). */
export const STEPS: ReadonlyArray<{ name: string; title: MessageKey }> = [
  { name: 'product', title: 'form.step.product' },
  { name: 'declarations', title: 'form.step.declarations' },
  { name: 'materials', title: 'form.step.materials' },
  { name: 'check', title: 'form.step.review' },
];
export const MATERIALS_STEP = 2;
export const CHECK_STEP = 3;

/**
 * The step shown, kept in the URL so a reload or a link opens it again (the detail page's 提交申报
 * links to `?step=check`). Changing step replaces the URL: the form's own buttons move between
 * steps, after saving; the browser's Back leaves the form.
 */
export function useStep(): [number, (step: number) => void] {
  const [params, setParams] = useSearchParams();
  const current = Math.max(0, STEPS.findIndex((s) => s.name === params.get('step')));
  const setStep = useCallback(
    (step: number) =>
      setParams(
        (before) => {
          const next = new URLSearchParams(before);
          if (step === 0) next.delete('step');
          else next.set('step', STEPS[step].name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [current, setStep];
}
