import { Flex, Table, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { measureLabel, type PublicSanction } from '../../features/compliance/types';

/** The public list of sanctions in force (ADR 0026): who, which measure, on what grounds, over which days. */
export function PublicSanctions() {
  const { t, locale } = useI18n();
  const list = $api.useQuery('get', '/api/public/sanctions');
  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph type="secondary">{t('public.sanctions.intro')}</Typography.Paragraph>
      <LoadState {...queryState(list)} empty={list.data ? list.data.length === 0 : undefined} emptyText={t('public.sanctions.empty')}>
        <Table<PublicSanction>
          rowKey={(s) => `${s.measure}-${s.subjectName}-${s.decisionDate}`}
          size="small"
          data-testid="public-sanctions"
          dataSource={list.data}
          scroll={{ x: true }}
          pagination={{ hideOnSinglePage: true }}
          columns={[
            { title: t('compliance.subject'), render: (_, s) => (s.subjectUscc ? `${s.subjectName}（${s.subjectUscc}）` : s.subjectName) },
            { title: t('compliance.measure'), render: (_, s) => measureLabel(locale, s.measure) },
            { title: t('compliance.grounds'), render: (_, s) => s.grounds.join('、') },
            { title: t('compliance.decisionDate'), dataIndex: 'decisionDate' },
            { title: t('sanctions.period'), render: (_, s) => `${s.from} — ${s.until ?? t('sanctions.until.none')}` },
          ]}
        />
      </LoadState>
    </Flex>
  );
}
