import { Card, Table, theme, Typography } from 'antd';
import type { ChecklistItem, FieldChange, ReviewCase } from '../../shared/api/views';
import { useItemLabel } from './item-label';
import { useI18n } from '../../shared/i18n/i18n';
import { fieldName } from './review-format';

type Translate = ReturnType<typeof useI18n>;

/** One IP right in words (M5.3): kind, number, title, basis, and the assignor or licensor when it names one (M11.1). */
export function ipRightLine(row: unknown, t: Translate['t'], tk: Translate['tk']): string {
  const r = (row && typeof row === 'object' ? row : {}) as { kind?: string; number?: string; title?: string; basis?: string; counterparty?: { name?: string; uscc?: string } };
  const c = r.counterparty;
  const who = c?.name ? `；${t('form.ip.counterparty.shown', { name: c.uscc ? `${c.name}（${c.uscc}）` : c.name })}` : '';
  return `${tk('form.ipKind', r.kind ?? '')} ${r.number ?? ''} ${r.title ?? ''}（${tk('form.ipBasis', r.basis ?? '')}${who}）`;
}

/** A changed value, readable: text as is, yes/no, dates, lists of files by name. */
export function useShowValue() {
  const { t, tk, locale } = useI18n();
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('review.changes.empty');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'productKind' && typeof v === 'string') return tk('productKind', v);
    if (field === 'catalogueEntryCode' && typeof v === 'string') return `${fieldName(v, locale)}（${v}）`;
    if (field === 'ipList' && Array.isArray(v) && v.length) return v.map((r) => ipRightLine(r, t, tk)).join('\n');
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
  const { token } = theme.useToken();
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
      styles={{ header: { background: token.colorWarningBg } }}
    >
      {(review.correction.items ?? []).length > 0 && (
        <div style={{ marginBottom: token.marginSM }}>
          <Typography.Text strong>{t('review.changes.asked', { deadline: review.correction.deadline ?? '—' })}</Typography.Text>
          <ol style={{ margin: `${token.marginXXS}px 0 0`, paddingInlineStart: token.paddingLG }}>
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
