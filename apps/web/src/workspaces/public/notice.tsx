import { Alert, Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { $api } from '../../shared/api/query';
import type { PublicNotice } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { prefectureName } from '../../shared/ui/prefectures';
import { LoadState, queryState } from '../../shared/ui/states';
import { NoticeHash } from './notice-hash';
import { NoticeDocuments } from './notices';

type Entry = PublicNotice['entries'][number];

/** The frozen entries exactly as decided; during the publicity each row links to the objection form. */
function Entries({ notice }: { notice: PublicNotice }) {
  const { t, tk, locale } = useI18n();
  return (
    <Table<Entry>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={notice.entries}
      columns={[
        { title: t('notice.seq'), dataIndex: 'seq', width: 56 },
        { title: t('decide.enterprise'), render: (_, e) => <>{e.enterpriseName}<br /><Typography.Text type="secondary">{e.uscc}</Typography.Text></> },
        { title: t('decide.product'), render: (_, e) => <>{e.productName}<br /><Typography.Text type="secondary">{tk('productKind', e.productKind)}</Typography.Text></> },
        { title: t('notice.model'), render: (_, e) => `${e.series} / ${e.model}` },
        { title: t('notice.prefecture'), render: (_, e) => prefectureName(e.prefectureId, locale) },
        { title: t('decide.applicationNo'), dataIndex: 'applicationNo' },
        ...(notice.objectionsOpen
          ? [{ title: '', key: 'object', render: (_: unknown, e: Entry) => <Link to={`/public/objections/new?entry=${e.id}`}>{t('notice.object')}</Link> }]
          : []),
      ]}
    />
  );
}

/**
 * A public notice (M9.2), no sign-in: the list as frozen at the decision, its hash checked in the
 * browser, the dates and the working-day rule in words, the calendar used, the contact and how to object.
 */
export function NoticePage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const notice = $api.useQuery('get', '/api/public/notices/{id}', { params: { path: { id } } }, { retry: false });
  const n = notice.data;
  return (
    <Card title={n ? t('notices.item', { year: n.title }) : t('notices.title')} extra={<Link to="/public/notices">{t('notice.back')}</Link>}>
      <LoadState {...queryState(notice)}>
        {n && (
          <Flex vertical gap="middle">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('notice.publicationDate')}>{n.publicationDate}</Descriptions.Item>
              <Descriptions.Item label={t('notice.period')}>
                {`${n.startDate} — ${n.endDate}（${t('notice.workingDays', { count: n.workingDays })}）`}
              </Descriptions.Item>
              <Descriptions.Item label={t('notice.rule')} span={2}>{locale === 'en' ? n.countingRule.en : n.countingRule.zh}</Descriptions.Item>
              <Descriptions.Item label={t('notice.calendarUsed')} span={2}>{n.calendarUsed.map((c) => `${c.year}：${c.source}`).join('；')}</Descriptions.Item>
              <Descriptions.Item label={t('notice.contact')} span={2}>
                {[locale === 'en' ? n.contact.unitEn : n.contact.unitZh, n.contact.phone, n.contact.email, n.contact.addressZh].filter(Boolean).join(' · ')}
              </Descriptions.Item>
            </Descriptions>
            {n.documents.length > 0 && <NoticeDocuments documents={n.documents} />}
            <Alert
              type={n.objectionsOpen ? 'warning' : 'info'}
              showIcon
              title={t('notice.object')}
              description={n.objectionsOpen
                ? t('notice.howToObject', { start: n.startDate, end: n.endDate, unit: (locale === 'en' ? n.contact.unitEn : n.contact.unitZh) ?? '', phone: n.contact.phone ?? '', email: n.contact.email ?? '' })
                : t('notice.objectionsClosed')}
            />
            <Typography.Title level={5}>{t('notice.entries')}</Typography.Title>
            <Entries notice={n} />
            <NoticeHash notice={n} />
            <div><Button href="/public"><>{t('app.publicArea')}</></Button></div>
          </Flex>
        )}
      </LoadState>
    </Card>
  );
}
