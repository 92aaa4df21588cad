import { Alert, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import type { ChecklistItem, DraftedDecision, FieldChange, ReviewCase, ReviewCredit } from '../../shared/api/views';
import { useItemLabel } from './item-label';
import { useI18n } from '../../shared/i18n/i18n';
import { fieldName } from './review-format';
import { formatBeijing } from '../../shared/ui/beijing-time';

function Measures({ ids }: { ids: string[] | undefined }) {
  const { t } = useI18n();
  if (!ids?.length) return <>{t('review.none')}</>;
  return (
    <Space size={4} wrap>
      {ids.map((m) => (
        <Tag key={m} color="blue">{m}</Tag>
      ))}
    </Space>
  );
}

/** A decision as drafted or taken: its kind and content, in the reviewer's words. */
export function DecisionSummary({ decision, checklist }: { decision: DraftedDecision; checklist: ChecklistItem[] }) {
  const { t, tk } = useI18n();
  const label = useItemLabel(checklist);
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('review.decision.kind')}>{tk('review.decision.kind', decision.kind)}</Descriptions.Item>
      {decision.items && (
        <Descriptions.Item label={t('review.decision.items')}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {decision.items.map((i, n) => (
              <li key={`${i.item}-${n}`}>{t('review.decision.itemLine', { item: label(i.item), reason: i.reason })}</li>
            ))}
          </ol>
        </Descriptions.Item>
      )}
      {decision.deadline && <Descriptions.Item label={t('review.return.deadline')}>{decision.deadline}</Descriptions.Item>}
      {decision.reason && <Descriptions.Item label={t('review.reject.reason')}>{decision.reason}</Descriptions.Item>}
      {decision.opinion && <Descriptions.Item label={t('review.recommend.opinion')}>{decision.opinion}</Descriptions.Item>}
      {decision.measuresIds && (
        <Descriptions.Item label={t('review.measuresIds')}>
          <Measures ids={decision.measuresIds} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The decision taken on the case, once taken. */
export function OutcomePanel({ review, checklist }: { review: ReviewCase; checklist: ChecklistItem[] }) {
  const { t } = useI18n();
  const decision: DraftedDecision | null =
    review.state === 'RETURNED_FOR_CORRECTION'
      ? { kind: 'RETURN', items: review.correction.items ?? [], deadline: review.correction.deadline ?? undefined, measuresIds: review.measuresIds }
      : review.state === 'REJECTED_AT_PRELIMINARY_REVIEW'
        ? { kind: 'REJECT', reason: review.decisionReason ?? undefined, measuresIds: review.measuresIds }
        : review.state === 'RECOMMENDED'
          ? { kind: 'RECOMMEND', opinion: review.opinion ?? undefined }
          : null;
  if (!decision) return null;
  return (
    <Card title={t('review.outcome.title')} extra={<Typography.Text type="secondary">{t('review.outcome.decidedAt', { at: formatBeijing(review.decidedAt) })}</Typography.Text>} data-testid="review-outcome">
      <DecisionSummary decision={decision} checklist={checklist} />
    </Card>
  );
}

function yesNo(value: boolean | undefined, t: ReturnType<typeof useI18n>['t']) {
  if (value === undefined) return <Tag>{t('review.credit.unknown')}</Tag>;
  return value ? <Tag color="error">{t('review.credit.found')}</Tag> : <Tag color="success">{t('review.credit.none')}</Tag>;
}

/** The credit check made at submission (M5.1) and, without a yes/no, the officer's duty to verify the report (M7.4(2)). */
export function CreditPanel({ credit }: { credit: ReviewCredit | null }) {
  const { t, tk } = useI18n();
  const verify = !credit || credit.verifyCreditReport;
  return (
    <Card title={t('review.credit.title')} data-testid="credit-panel" style={{ height: '100%' }}>
      {verify && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('review.credit.verify')} description={t('review.credit.verify.detail')} />}
      {credit ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('review.credit.source')}>{tk('review.credit.source', credit.source, t('review.credit.source.other'))}</Descriptions.Item>
          <Descriptions.Item label={t('review.credit.checkedAt')}>{formatBeijing(credit.checkedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('review.credit.seriousDishonesty')}>{yesNo(credit.seriousDishonesty, t)}</Descriptions.Item>
          <Descriptions.Item label={t('review.credit.abnormalOperations')}>{yesNo(credit.abnormalOperations, t)}</Descriptions.Item>
          {credit.reference && <Descriptions.Item label={t('review.credit.reference')}>{credit.reference}</Descriptions.Item>}
          {credit.note && <Descriptions.Item label={t('review.credit.note')}>{credit.note}</Descriptions.Item>}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('review.credit.missing')}</Typography.Text>
      )}
    </Card>
  );
}

/** Intake's findings for a human look, each with its Measures ID. */
export function FlagsPanel({ flags }: { flags: ReviewCase['flags'] }) {
  const { t, tk } = useI18n();
  return (
    <Card title={t('review.flags.title', { count: flags.length })} data-testid="flags-panel" style={{ height: '100%' }}>
      {flags.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.flags.empty')} />
      ) : (
        <List
          size="small"
          dataSource={flags}
          renderItem={(f) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Space size={4} wrap>
                  <Tag color="blue">{f.measuresId}</Tag>
                  {f.field && tk('review.field', f.field, '') && <Tag>{tk('review.field', f.field, '')}</Tag>}
                </Space>
                <Typography.Text>{f.message}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** A changed value, readable: text as is, yes/no, dates, lists of files by name. */
function useShowValue() {
  const { t, tk, locale } = useI18n();
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('review.changes.empty');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'productKind' && typeof v === 'string') return tk('productKind', v);
    if (field === 'catalogueEntryCode' && typeof v === 'string') return `${fieldName(v, locale)}（${v}）`;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return t('review.changes.empty');
      return v.map((x) => (x && typeof x === 'object' && 'fileName' in x ? String((x as { fileName: unknown }).fileName) : show('', x))).join('；');
    }
    if (typeof v === 'object') return Object.values(v as Record<string, unknown>).map((x) => show('', x)).join('，');
    return String(v);
  };
  return show;
}

/** For a resubmission: what was asked, and what the enterprise changed since the returned version (M7.3). */
export function ChangesPanel({ review, checklist }: { review: ReviewCase; checklist: ChecklistItem[] }) {
  const { t, tk } = useI18n();
  const show = useShowValue();
  const label = useItemLabel(checklist);
  const changes = review.changes ?? [];
  const fieldLabel = (field: string) => {
    if (field.startsWith('declarations.')) return t('review.field.declaration', { name: tk('form.decl', field.slice('declarations.'.length), t('review.declaration.other')) });
    return tk('review.field', field, t('review.field.other'));
  };
  return (
    <Card
      title={t('review.changes.title', { from: review.previousVersion ?? '—', to: review.applicationVersion })}
      data-testid="changes-panel"
      styles={{ header: { background: '#fff7e6' } }}
    >
      {(review.correction.items ?? []).length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('review.changes.asked', { deadline: review.correction.deadline ?? '—' })}</Typography.Text>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {(review.correction.items ?? []).map((i, n) => {
              const answer = (review.correction.answers ?? []).find((a) => a.item === i.item)?.answer;
              return (
                <li key={`${i.item}-${n}`} data-testid="correction-item">
                  {t('review.decision.itemLine', { item: label(i.item), reason: i.reason })}
                  <div>
                    {answer ? (
                      <Typography.Text type="success">{t('review.changes.answer', { answer })}</Typography.Text>
                    ) : (
                      <Typography.Text type="warning">{t('review.changes.noAnswer')}</Typography.Text>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      <Table<FieldChange>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={changes}
        locale={{ emptyText: t('review.changes.none') }}
        columns={[
          { title: t('review.changes.field'), width: 200, render: (_, c) => fieldLabel(c.field) },
          { title: t('review.changes.before'), render: (_, c) => <Typography.Text delete type="secondary">{show(c.field, c.before)}</Typography.Text> },
          { title: t('review.changes.after'), render: (_, c) => <Typography.Text mark>{show(c.field, c.after)}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
