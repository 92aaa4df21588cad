import { Descriptions, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useSession } from '../../shared/auth/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { CASE_STATUS_COLOR, caseStatusLabel, measureLabel, noticeIn, type ComplianceCase } from './types';

/** The service ends the source of a case opened from a tracking evaluation with `tracking-evaluation:<id>`. */
const TRACKING_SOURCE = /^(.*?)\s*tracking-evaluation:([0-9a-f-]{36})$/;

/** Where a case came from; a tracking evaluation by name, linked for the Department and the auditor. */
function CaseSource({ source }: { source: string }) {
  const { t } = useI18n();
  const { actor } = useSession();
  const match = TRACKING_SOURCE.exec(source);
  if (!match) return <>{source}</>;
  const [, said, evaluation] = match;
  const department = actor?.role === 'department_officer' || actor?.role === 'auditor';
  const label = t('compliance.source.tracking');
  return (
    <>
      {department ? <Link to={`/department/tracking-evaluations?evaluation=${evaluation}`}>{label}</Link> : label}
      {said && <Typography.Text type="secondary">{` ${said}`}</Typography.Text>}
    </>
  );
}

/** A case as both sides read it: the measure, the notice, the statement and the outcome (ADR 0026). */
export function CaseFacts({ c }: { c: ComplianceCase }) {
  const { t, locale } = useI18n();
  const para = (text: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>;
  const statement = c.statementWaived ? t('compliance.statement.waived') : c.statement ? `${c.statement}${c.statementBy === 'officer' ? t('compliance.statement.byOfficer') : ''}` : t('compliance.statement.none');
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('compliance.caseNo')}>{c.caseNo}</Descriptions.Item>
      <Descriptions.Item label={t('compliance.status')}><Tag color={CASE_STATUS_COLOR[c.status]}>{caseStatusLabel(locale, c.status)}</Tag></Descriptions.Item>
      <Descriptions.Item label={t('compliance.subject')}>{c.subjectUscc ? `${c.subjectName}（${c.subjectUscc}）` : c.subjectName}</Descriptions.Item>
      <Descriptions.Item label={t('compliance.measure')}>{measureLabel(locale, c.intendedMeasure)}</Descriptions.Item>
      <Descriptions.Item label={t('compliance.grounds')}>{c.grounds.join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('compliance.facts')}>{para(c.facts)}</Descriptions.Item>
      {c.source && <Descriptions.Item label={t('compliance.source')}><CaseSource source={c.source} /></Descriptions.Item>}
      {c.interim && (
        <Descriptions.Item label={t('compliance.interim')}>
          {`${c.interim.from} ${c.interim.endedOn ? t('compliance.interim.ended', { date: c.interim.endedOn }) : ''}`}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('compliance.openedAt')}>{formatBeijing(c.openedAt)}</Descriptions.Item>
      {c.hearingNotice && <Descriptions.Item label={t('compliance.hearingNotice')}>{para(noticeIn(locale, c.hearingNotice))}</Descriptions.Item>}
      {c.statementDeadline && <Descriptions.Item label={t('compliance.deadline')}>{c.statementDeadline}</Descriptions.Item>}
      {c.status !== 'opened' && <Descriptions.Item label={t('compliance.statement')}>{para(statement)}</Descriptions.Item>}
      {c.outcome && <Descriptions.Item label={t('compliance.outcome')}>{t(`compliance.outcome.${c.outcome}`)}</Descriptions.Item>}
      {c.reasons && <Descriptions.Item label={t('compliance.reasons')}>{para(c.reasons)}</Descriptions.Item>}
      {c.decisionDate && <Descriptions.Item label={t('compliance.decisionDate')}>{c.decisionDate}</Descriptions.Item>}
    </Descriptions>
  );
}
