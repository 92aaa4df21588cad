import { Alert, Card, Descriptions, Flex, Input, Timeline, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import type { RecognitionVerification } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { prefectureName } from '../../shared/ui/prefectures';
import { LoadState, problemOf, queryState } from '../../shared/ui/states';
import { RecognitionStatus } from '../../features/registry/status-tag';

type Entry = RecognitionVerification['recognitions'][number];

/** One product's live status, its particulars and its registry record (M13.1, M13.2). */
function VerifiedEntry({ r }: { r: Entry }) {
  const { t, tk, locale } = useI18n();
  return (
    <Card size="small" title={`${r.enterpriseName} · ${r.product.name}`} extra={<RecognitionStatus r={r} />}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('public.registry.model')}>{`${r.product.series} / ${r.product.model}`}</Descriptions.Item>
        <Descriptions.Item label={t('public.registry.kind')}>{tk('productKind', r.product.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('public.registry.certificateNo')}>{r.certificateNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('public.registry.prefecture')}>{r.prefectureId ? prefectureName(r.prefectureId, locale) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('verify.validity')}>{t('verify.validity.range', { from: r.validFrom, until: r.validUntil })}</Descriptions.Item>
      </Descriptions>
      {r.revocationNotice && <Alert type="error" showIcon message={t('verify.revocationNotice')} description={r.revocationNotice} />}
      <Typography.Title level={5}>{t('verify.history')}</Typography.Title>
      <Timeline items={r.history.map((e) => ({ children: `${e.occurredOn} ${tk('verify.event', e.kind)}` }))} />
    </Card>
  );
}

/**
 * The public verification page (M13.1, M13.2): a document or certificate number typed in or
 * arriving from a certificate's QR code (`/public/verify?no=…`) answers the live status. No sign-in.
 */
export function VerifyPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchState({ no: undefined as string | undefined });
  const no = search.no?.trim();
  const v = $api.useQuery('get', '/api/public/verify', { params: { query: { no: no ?? '' } } }, { enabled: Boolean(no), retry: false });
  const notFound = problemOf(v.error)?.status === 404;
  return (
    <Card title={t('verify.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph>{t('verify.intro')}</Typography.Paragraph>
        <Input.Search
          key={no ?? ''}
          aria-label={t('verify.input')}
          placeholder={t('verify.input')}
          defaultValue={no}
          enterButton={t('verify.submit')}
          style={{ maxWidth: 520 }}
          onSearch={(value) => setSearch({ no: value.trim() || undefined })}
        />
        {no && notFound && <Alert type="warning" showIcon message={t('verify.notFound')} />}
        {no && !notFound && (
          <LoadState {...queryState(v)}>
            {v.data && (
              <Flex vertical gap="middle">
                <Typography.Text strong>
                  {v.data.matched === 'certificate' ? t('verify.matched.certificate', { no: v.data.no }) : t('verify.matched.document', { no: v.data.no, count: v.data.recognitions.length })}
                </Typography.Text>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                  <Descriptions.Item label={t('verify.issuer')}>{locale === 'en' ? v.data.document.issuerEn : v.data.document.issuerZh}</Descriptions.Item>
                  <Descriptions.Item label={t('verify.document')}>{`${v.data.document.documentNo}（${v.data.document.documentDate}）`}</Descriptions.Item>
                </Descriptions>
                {v.data.recognitions.map((r) => <VerifiedEntry key={r.id} r={r} />)}
                <Typography.Text type="secondary">{t('verify.checkedOn', { date: v.data.checkedOn })}</Typography.Text>
              </Flex>
            )}
          </LoadState>
        )}
      </Flex>
    </Card>
  );
}
