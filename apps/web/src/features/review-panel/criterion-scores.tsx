import { Descriptions, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { CriterionScore, RubricCriterion } from './types';

/** One expert's (or one anonymous panel member's) rubric scores, as a row of the table. */
export interface ScoreRow {
  key: string;
  who: ReactNode;
  criterionScores: CriterionScore[] | null;
  score: number | null;
  recommendation: string | null;
  opinion: string | null;
}

const RECOMMENDATION_COLOR: Record<string, string> = { recommend: 'green', not_recommend: 'red', on_site_needed: 'gold' };

/** A criterion's name in the UI's language (the profile carries both). */
export function useCriterionName() {
  const { locale } = useI18n();
  return (c: Pick<RubricCriterion, 'nameZh' | 'nameEn'>) => (locale === 'en' ? c.nameEn : c.nameZh);
}

/** An expert's recommendation as a tag. */
export function RecommendationTag({ value }: { value: string | null }) {
  const { t, tk } = useI18n();
  if (!value) return <Typography.Text type="secondary">{t('scoring.none')}</Typography.Text>;
  return <Tag color={RECOMMENDATION_COLOR[value]}>{tk('scoring.recommendation', value)}</Tag>;
}

/**
 * Scores by criterion of the profile's rubric (M8.1): a row per expert with each criterion's
 * score on its scale, the weighted total and the recommendation; a row opens to the comments.
 */
export function CriterionScoresTable({ rubric, rows, extra }: { rubric: readonly RubricCriterion[]; rows: ScoreRow[]; extra?: Array<{ title: string; render(row: ScoreRow): ReactNode }> }) {
  const { t } = useI18n();
  const name = useCriterionName();
  const scoreOf = (row: ScoreRow, id: string) => row.criterionScores?.find((s) => s.criterionId === id);
  return (
    <Table<ScoreRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      locale={{ emptyText: t('scoring.table.empty') }}
      expandable={{
        rowExpandable: (r) => !!r.criterionScores || !!r.opinion,
        expandedRowRender: (r) => (
          <Descriptions size="small" column={1} bordered>
            {rubric.map((c) => (
              <Descriptions.Item key={c.id} label={name(c)}>{scoreOf(r, c.id)?.comment ?? t('scoring.none')}</Descriptions.Item>
            ))}
            <Descriptions.Item label={t('scoring.opinion')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{r.opinion ?? t('scoring.none')}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        ),
      }}
      columns={[
        { title: t('scoring.table.who'), width: 110, render: (_, r) => r.who },
        ...rubric.map((c) => ({
          key: c.id,
          title: t('scoring.table.criterion', { name: name(c), weight: c.weight }),
          render: (_: unknown, r: ScoreRow) => {
            const s = scoreOf(r, c.id);
            return s ? t('scoring.table.score', { score: s.score, max: c.max }) : t('scoring.none');
          },
        })),
        { title: t('scoring.table.total'), render: (_, r) => (r.score === null ? t('scoring.none') : <strong>{r.score}</strong>) },
        { title: t('scoring.recommendation'), render: (_, r) => <RecommendationTag value={r.recommendation} /> },
        ...(extra ?? []).map((e) => ({ title: e.title, render: (_: unknown, r: ScoreRow) => e.render(r) })),
      ]}
    />
  );
}
