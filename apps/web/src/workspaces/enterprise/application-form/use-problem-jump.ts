import type { FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import type { CheckProblem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { FormValues, formFieldOf, stepOf } from './draft';

/**
 * From a problem of the check (or an item of a return) to where it is fixed: its step is shown,
 * then its field (or material slot) is scrolled to, focused, and says what is wrong there.
 */
export function useProblemJump(form: FormInstance, formName: string, step: number, setStep: (step: number) => void) {
  const { locale } = useI18n();
  const [jump, setJump] = useState<CheckProblem | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);

  // Once the problem's step is shown (the step is in the URL: the navigation lands a render or more
  // later), and a tick after that, when its fields exist.
  useEffect(() => {
    if (!jump || step !== stepOf(jump)) return;
    const timer = window.setTimeout(() => {
      const text = `${jump.measuresId} ${locale === 'en' ? jump.messageEn : jump.message}`;
      if (jump.slotId) {
        setHighlighted(jump.slotId);
        const el = document.getElementById(`slot-${jump.slotId}`);
        el?.scrollIntoView({ block: 'center' });
        el?.querySelector<HTMLElement>('button')?.focus();
      } else if (jump.field) {
        const name = formFieldOf(jump.field, form.getFieldsValue(true) as FormValues);
        form.scrollToField(name, { block: 'center' });
        const el = document.getElementById(`${formName}_${name.join('_')}`);
        const target = el?.matches('input, textarea, button') ? el : el?.querySelector<HTMLElement>('input:not([disabled]), textarea, button');
        target?.focus();
        form.setFields([{ name, ...(jump.severity === 'blocking' ? { errors: [text] } : { warnings: [text] }) }]);
      }
      setJump(null);
    }, 80);
    return () => window.clearTimeout(timer);
  }, [jump, step, form, formName, locale]);

  const jumpTo = (p: CheckProblem) => {
    setStep(stepOf(p));
    setJump(p);
  };
  return { jumpTo, highlighted, clearHighlight: () => setHighlighted(null) };
}
