import { Alert, App, Button, Card, Checkbox, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CheckProblem, ChecklistSlot } from '../../../../shared/api/views';
import { LoadState, queryState } from '../../../../shared/ui/states';
import type { MessageKey } from '../../../../shared/i18n/zh-CN';
import { useI18n } from '../../../../shared/i18n/i18n';
import { useCheck } from '../queries';

/** The form's label of a field the check names (its step's words), for the "where" column. */
export const FIELD_LABELS: Record<string, MessageKey> = {
  productName: 'application.productName',
  series: 'application.series',
  model: 'application.model',
  rdCompletedOn: 'application.rdCompletedOn',
  catalogueEntryCode: 'form.product.field',
  catalogueVersion: 'form.product.field',
  firstSale: 'form.firstSale',
  ipList: 'form.ip',
  'declarations.legalForm': 'form.decl.legalForm',
  'declarations.safetyAccidentDates': 'form.decl.safetyAccidents',
  'declarations.environmentalAccidentDates': 'form.decl.environmentalAccidents',
};

/** Step 4: the pre-submission check, every problem with its Measures ID; a click goes to its field. */
export function ReviewStep({ applicationId, editable, resubmit, submitting, saveBlocked, onJump, onSubmit }: {
  applicationId: string;
  editable: boolean;
  /** A returned application goes back as a new version (M7.3). */
  resubmit?: boolean;
  submitting: boolean;
  /** Unsaved or refused changes: the check would not see them. */
  saveBlocked: boolean;
  onJump(p: CheckProblem): void;
  /** Called once the user confirmed, with the pledge version signed. */
  onSubmit(pledgeVersion: string): void;
}) {
  const { t, tk, locale } = useI18n();
  const { modal } = App.useApp();
  const [pledged, setPledged] = useState(false);
  const check = useCheck(applicationId);
  const c = check.data;
  // M10.1: every submission, a resubmission too (a new declaration of facts), signs the truthfulness pledge and asks for confirmation.
  const confirm = () =>
    modal.confirm({
      title: t(resubmit ? 'form.confirm.resubmit.title' : 'form.confirm.submit.title'),
      content: t(resubmit ? 'form.confirm.resubmit.content' : 'form.confirm.submit.content'),
      okText: t('form.confirm.ok'),
      cancelText: t('common.cancel'),
      onOk: () => c && onSubmit(c.pledge.version),
    });
  const slots = new Map<string, ChecklistSlot>((c?.materials ?? []).map((s) => [s.slotId, s]));
  const where = (p: CheckProblem) => {
    if (p.slotId) {
      const s = slots.get(p.slotId);
      return t('form.check.where.slot', { name: s ? (locale === 'en' ? s.nameEn : s.nameZh) : p.slotId });
    }
    if (!p.field) return '—';
    if (p.field.startsWith('correctionAnswers')) return t('form.correction.title');
    const key = p.field.startsWith('declarations.') && !FIELD_LABELS[p.field] ? `form.decl.${p.field.slice('declarations.'.length)}` : FIELD_LABELS[p.field];
    return key ? tk(key.replace(/\.[^.]+$/, ''), key.split('.').pop()!, t('form.check.where.form')) : t('form.check.where.form');
  };
  const blocking = (c?.problems ?? []).filter((p) => p.severity === 'blocking').length;
  return (
    <LoadState {...queryState(check)} empty={!c ? undefined : false}>
      {c && (
        <Flex vertical gap="middle">
          {c.problems.length === 0 ? (
            <Alert type="success" showIcon title={t('form.check.clean')} data-testid="check-summary" />
          ) : blocking ? (
            <Alert type="error" showIcon title={t('form.check.blocking', { count: blocking })} description={t('form.check.blocking.help')} data-testid="check-summary" />
          ) : (
            <Alert type="warning" showIcon title={t('form.check.warnings', { count: c.problems.length })} description={t('form.check.warnings.help')} data-testid="check-summary" />
          )}
          {c.problems.length > 0 && (
            <Table<CheckProblem>
              data-testid="check-problems"
              size="small"
              rowKey={(p) => `${p.code}-${p.field ?? ''}-${p.slotId ?? ''}`}
              pagination={false}
              dataSource={c.problems}
              columns={[
                {
                  title: t('form.check.severity'),
                  width: 110,
                  render: (_, p) => (p.severity === 'blocking' ? <Tag color="error">{t('form.check.severity.blocking')}</Tag> : <Tag color="warning">{t('form.check.severity.warning')}</Tag>),
                },
                { title: t('form.check.measuresId'), dataIndex: 'measuresId', width: 110, render: (m: string) => t('form.check.article', { id: m }) },
                { title: t('form.check.problem'), render: (_, p) => (locale === 'en' ? p.messageEn : p.message) },
                {
                  title: t('form.check.where'),
                  width: 220,
                  render: (_, p) =>
                    p.field || p.slotId ? (
                      <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }} onClick={() => onJump(p)}>
                        {t('form.check.goTo', { where: where(p) })}
                      </Button>
                    ) : (
                      <Typography.Text type="secondary">{t('form.check.where.none')}</Typography.Text>
                    ),
                },
              ]}
            />
          )}
          {editable && (
            <Card size="small" title={t('form.pledge.title')} data-testid="pledge" extra={<Typography.Text type="secondary">{t('form.pledge.version', { version: c.pledge.version })}</Typography.Text>}>
              <Typography.Paragraph data-testid="pledge-text">{locale === 'en' ? c.pledge.textEn : c.pledge.textZh}</Typography.Paragraph>
              <Checkbox checked={pledged} onChange={(e) => setPledged(e.target.checked)}>
                {t('form.pledge.accept')}
              </Checkbox>
            </Card>
          )}
          <Space wrap>
            <Button onClick={() => void check.refetch()} loading={check.isRefetching}>{t('form.check.again')}</Button>
            {editable && (
              <Button type="primary" size="large" disabled={!c.canSubmit || saveBlocked || !pledged} loading={submitting} onClick={confirm}>
                {resubmit ? t('action.resubmit') : t('application.submit')}
              </Button>
            )}
            {editable && !c.canSubmit && <Typography.Text type="danger">{t('form.check.cannotSubmit')}</Typography.Text>}
            {editable && c.canSubmit && saveBlocked && <Typography.Text type="warning">{t('form.check.unsaved')}</Typography.Text>}
            {editable && c.canSubmit && !saveBlocked && !pledged && <Typography.Text type="secondary">{t('form.pledge.required')}</Typography.Text>}
          </Space>
        </Flex>
      )}
    </LoadState>
  );
}
