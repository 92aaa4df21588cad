import { Descriptions, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { prefectureName } from '../../shared/ui/prefectures';
import { ReportFiles } from './report-files';
import { CONCLUSION_COLOR, TRACKING_STATUS_COLOR, type TrackingEvaluation } from './types';

const text = (s: string) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s}</Typography.Paragraph>
);

/** The status of an evaluation as a tag (the conclusion once there is one). */
export function EvaluationTag({ e }: { e: Pick<TrackingEvaluation, 'status' | 'conclusion'> }) {
  const { tk } = useI18n();
  return e.conclusion ? (
    <Tag color={CONCLUSION_COLOR[e.conclusion]}>{tk('tracking.conclusion', e.conclusion)}</Tag>
  ) : (
    <Tag color={TRACKING_STATUS_COLOR[e.status]}>{tk('tracking.status', e.status)}</Tag>
  );
}

/**
 * One evaluation as its readers see it (M12.2): the request, the enterprise's report and, for the
 * prefecture and the Department, the conclusion (the enterprise's view carries none). The
 * enterprise writing its report sees the form instead of an empty report (`reporting`).
 */
export function EvaluationFacts({ e, reporting = false }: { e: TrackingEvaluation; reporting?: boolean }) {
  const { t, tk, locale } = useI18n();
  const r = e.report;
  return (
    <>
      <Descriptions size="small" column={1} bordered title={t('tracking.section.request')}>
        <Descriptions.Item
          label={t('tracking.enterprise')}
        >{`${e.enterpriseName}（${e.uscc}）`}</Descriptions.Item>
        <Descriptions.Item label={t('tracking.product')}>{`${e.productName} ${e.model}`}</Descriptions.Item>
        <Descriptions.Item label={t('tracking.documentNo')}>{e.documentNo}</Descriptions.Item>
        <Descriptions.Item label={t('tracking.prefecture')}>
          {prefectureName(e.prefectureId, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tracking.year')}>{e.year}</Descriptions.Item>
        <Descriptions.Item label={t('tracking.requestedAt')}>
          {formatBeijing(e.requestedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tracking.dueOn')}>{e.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t('tracking.note')}>{text(e.note)}</Descriptions.Item>
      </Descriptions>
      {!(reporting && !r) && (
        <Descriptions size="small" column={1} bordered title={t('tracking.section.report')}>
          {r ? (
            <>
              <Descriptions.Item label={t('tracking.report.reportedAt')}>
                {formatBeijing(r.reportedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('tracking.report.unitsSold')}>
                {r.unitsSold.toLocaleString('zh-CN')}
              </Descriptions.Item>
              <Descriptions.Item label={t('tracking.report.salesRevenue')}>
                {r.salesRevenueYuan.toLocaleString('zh-CN', { minimumFractionDigits: 2 })}
              </Descriptions.Item>
              <Descriptions.Item label={t('tracking.report.customers')}>
                {r.customers.join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('tracking.report.performance')}>
                {text(r.performance)}
              </Descriptions.Item>
              <Descriptions.Item label={t('tracking.report.problems')}>{text(r.problems)}</Descriptions.Item>
              <Descriptions.Item label={t('tracking.files')}>
                <ReportFiles e={e} />
              </Descriptions.Item>
            </>
          ) : (
            <Descriptions.Item label={t('tracking.status')}>
              {e.withoutReport ? t('tracking.withoutReport') : t('tracking.report.none')}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {e.conclusion && (
        <Descriptions size="small" column={1} bordered title={t('tracking.section.conclusion')}>
          <Descriptions.Item label={t('tracking.conclusion')}>
            <Tag color={CONCLUSION_COLOR[e.conclusion]}>{tk('tracking.conclusion', e.conclusion)}</Tag>
            {e.withoutReport && <Tag>{t('tracking.withoutReport')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('tracking.concludedOn')}>{e.concludedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('tracking.conclude.findings')}>
            {text(e.findings ?? '')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </>
  );
}
