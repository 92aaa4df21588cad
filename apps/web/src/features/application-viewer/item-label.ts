import type { ChecklistSlot } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';

/**
 * A correction item's target in words: the M7.4 slot's number and name, a form field's name, or as
 * the prefecture wrote it. The same words for the enterprise answering and the officer reading.
 */
export function useItemLabel(slots: readonly ChecklistSlot[]) {
  const { tk, locale } = useI18n();
  return (item: string) => {
    const slot = slots.find((s) => s.slotId === item);
    return slot ? `${slot.item}. ${locale === 'zh-CN' ? slot.nameZh : slot.nameEn}` : tk('review.field', item, item);
  };
}
