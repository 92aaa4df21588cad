import { Flex, theme, Typography } from 'antd';
import type { CaseCondition, ChecklistItem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { itemName } from '../../../features/application-viewer/review-format';

/** Answers that are codes, shown in words with the form's own labels. */
const CODED: Record<string, string> = { 'declarations.legalForm': 'form.legalForm', 'declarations.equipmentForm': 'form.decl.equipmentForm' };

/** The enterprise's answer in words: yes/no, a list of dates, a value, or "not declared". */
function Answer({ field, value }: { field: string; value: CaseCondition['answers'][number]['value'] }) {
  const { t, tk } = useI18n();
  if (value === null) return <Typography.Text type="warning">{t('review.conditions.notDeclared')}</Typography.Text>;
  if (typeof value === 'boolean') return <Typography.Text strong>{value ? t('review.conditions.yes') : t('review.conditions.no')}</Typography.Text>;
  if (Array.isArray(value)) return <Typography.Text strong>{value.length ? value.join('、') : t('review.conditions.none')}</Typography.Text>;
  return <Typography.Text strong>{CODED[field] ? tk(CODED[field], value) : value}</Typography.Text>;
}

/** What a condition is judged on: the enterprise's answers, the platform's reasons, the evidence to look at. */
export function ConditionFacts({ condition, checklist }: { condition: CaseCondition; checklist: ChecklistItem[] }) {
  const { t, locale } = useI18n();
  const { token } = theme.useToken();
  const list = { margin: 0, paddingInlineStart: token.paddingLG };
  const slotName = (slotId?: string) => {
    const item = checklist.find((i) => i.slotId === slotId);
    return item ? itemName(item, locale) : null;
  };
  return (
    <Flex vertical gap={token.marginXXS} style={{ marginBottom: token.marginXS }}>
      <Typography.Text type="secondary">{t('review.conditions.answers')}</Typography.Text>
      {condition.answers.length === 0 ? (
        <Typography.Text type="secondary">{t('review.conditions.noAnswers')}</Typography.Text>
      ) : (
        <ul style={list} aria-label={t('review.conditions.answers')}>
          {condition.answers.map((a) => (
            <li key={a.field}>
              {locale === 'zh-CN' ? a.labelZh : a.labelEn}：<Answer field={a.field} value={a.value} />
            </li>
          ))}
        </ul>
      )}
      {condition.finding.reasons.length > 0 && (
        <ul style={list} aria-label={t('review.conditions.finding')}>
          {condition.finding.reasons.map((r) => (
            <li key={r.code}>
              <Typography.Text type={condition.finding.result === 'not_met' ? 'danger' : 'warning'}>{locale === 'zh-CN' ? r.message : r.messageEn}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary">
        {t('review.conditions.evidence')}：
        {condition.evidence.map((e) => slotName(e.slotId) ?? (locale === 'zh-CN' ? e.descriptionZh : e.descriptionEn)).join('；')}
      </Typography.Text>
    </Flex>
  );
}
