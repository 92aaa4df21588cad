import { Button, Card, Flex, Input, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { SANCTION_CHANGES } from '@firstset/domain';
import { $api } from '../../../shared/api/query';
import { useSession } from '../../../shared/auth/session';
import { useSearchState } from '../../../shared/hooks/use-search-state';
import { useUrlPagination } from '../../../shared/hooks/url-pagination';
import { useI18n } from '../../../shared/i18n/i18n';
import { LoadState, queryState } from '../../../shared/ui/states';
import { measureLabel, noticeIn, SANCTION_MEASURES, SANCTION_STATUS_COLOR, SANCTION_STATUSES, sanctionStatusLabel, type SanctionRecord } from '../../../features/compliance/types';
import { SanctionChangeDialog } from './sanction-change-dialog';

/** A sanction's decision notice and its history, under its row. */
function SanctionRecordDetail({ s }: { s: SanctionRecord }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap="small">
      <Typography.Text strong>{t('sanctions.notice')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{noticeIn(locale, s.decisionNotice)}</Typography.Paragraph>
      <Typography.Text strong>{t('sanctions.history')}</Typography.Text>
      <Timeline items={s.history.map((h) => ({ key: `${h.kind}-${h.recordedAt}`, content: `${h.on} ${t(`sanctions.event.${h.kind}`)}：${h.reason}` }))} />
    </Flex>
  );
}

/**
 * The sanction registry (ADR 0026): every measure with its grounds, period, status today and
 * history; an officer records suspensions, early liftings and reconsideration outcomes.
 */
export function SanctionsPage() {
  const { t, locale } = useI18n();
  const { actor } = useSession();
  const officer = actor?.role === 'department_officer';
  const [changing, setChanging] = useState<SanctionRecord | null>(null);
  const [search, setSearch] = useSearchState({ status: '', measure: '', q: '', page: 1, pageSize: 20 });
  const query = {
    page: search.page,
    pageSize: search.pageSize,
    ...(search.status ? { status: search.status as (typeof SANCTION_STATUSES)[number] } : {}),
    ...(search.measure ? { measure: search.measure as (typeof SANCTION_MEASURES)[number] } : {}),
    ...(search.q ? { search: search.q } : {}),
  };
  const sanctions = $api.useQuery('get', '/api/sanctions', { params: { query } });
  const pagination = useUrlPagination(search, sanctions.data?.total, setSearch);
  return (
    <Card title={t('sanctions.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('sanctions.intro')}</Typography.Paragraph>
        <Flex gap="small" wrap>
          <Select aria-label={t('compliance.filter.status')} style={{ minWidth: 160 }} value={search.status} onChange={(status) => setSearch({ status, page: 1 })}
            options={[{ value: '', label: t('compliance.filter.all') }, ...SANCTION_STATUSES.map((s) => ({ value: s, label: sanctionStatusLabel(locale, s) }))]} />
          <Select aria-label={t('compliance.filter.measure')} style={{ minWidth: 200 }} value={search.measure} onChange={(measure) => setSearch({ measure, page: 1 })}
            options={[{ value: '', label: t('compliance.filter.all') }, ...SANCTION_MEASURES.map((m) => ({ value: m, label: measureLabel(locale, m) }))]} />
          <Input.Search aria-label={t('sanctions.search')} placeholder={t('sanctions.search')} allowClear defaultValue={search.q} style={{ maxWidth: 320 }} onSearch={(q) => setSearch({ q: q.trim(), page: 1 })} />
        </Flex>
        <LoadState {...queryState(sanctions)} empty={sanctions.data ? sanctions.data.total === 0 : undefined} emptyText={t('sanctions.empty')}>
          <Table<SanctionRecord>
            rowKey="id"
            size="small"
            data-testid="sanctions"
            dataSource={sanctions.data?.items}
            scroll={{ x: true }}
            pagination={pagination}
            expandable={{ expandedRowRender: (s) => <SanctionRecordDetail s={s} /> }}
            columns={[
              { title: t('compliance.caseNo'), dataIndex: 'caseNo' },
              { title: t('compliance.subject'), render: (_, s) => (s.subjectUscc ? `${s.subjectName}（${s.subjectUscc}）` : s.subjectName) },
              { title: t('compliance.measure'), render: (_, s) => measureLabel(locale, s.measure) },
              { title: t('compliance.grounds'), render: (_, s) => s.grounds.join('、') },
              { title: t('sanctions.period'), render: (_, s) => `${s.from} — ${s.until ?? t('sanctions.until.none')}` },
              { title: t('compliance.status'), render: (_, s) => <Tag color={SANCTION_STATUS_COLOR[s.status]}>{sanctionStatusLabel(locale, s.status)}</Tag> },
              {
                title: t('common.actions'),
                render: (_, s) => (
                  <Space>
                    {officer && SANCTION_CHANGES[s.status].length > 0 && (
                      <Button size="small" onClick={() => setChanging(s)} aria-label={`${t('sanctions.change')} ${s.subjectName}`}>{t('sanctions.change')}</Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </LoadState>
        {changing && <SanctionChangeDialog s={changing} onClose={() => setChanging(null)} />}
      </Flex>
    </Card>
  );
}
