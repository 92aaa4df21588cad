import { Alert, App, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import { showProblem } from '../../../shared/ui/problem-form';
import { AdjustSeatDialog, type SeatTarget } from './adjust-seat-dialog';
import { fieldName, type PanelApplication, type PanelRun } from './types';

const SHORTFALLS = ['not_enough_eligible_experts', 'experts_at_max_load', 'field_requirement_unmet'] as const;
type Shortfall = (typeof SHORTFALLS)[number];
const isShortfall = (kind: string): kind is Shortfall => (SHORTFALLS as readonly string[]).includes(kind);

/** One application's proposed panel: kept experts, proposed seats with why, empty seats and shortfalls. */
function ApplicationPanel({ run, app, onSeat }: { run: PanelRun; app: PanelApplication; onSeat(target: SeatTarget): void }) {
  const { t, locale } = useI18n();
  const open = !run.confirmedAt;
  const empty = Math.max(0, run.panelSize - app.kept.length - app.proposed.length);
  const field = fieldName(app.fieldCode, locale, t);
  return (
    <Card size="small" title={`${app.applicationNo} · ${app.enterpriseName} · ${app.productName}`} extra={<Tag>{field}</Tag>} data-testid={`run-${app.applicationNo}`}>
      <Flex vertical gap="small">
        {app.kept.map((k) => (
          <Space key={k.expertId} wrap data-testid={`kept-${k.expertName}`}>
            <Typography.Text strong>{k.expertName}</Typography.Text>
            <Tag>{t('panels.app.kept')}</Tag>
            {k.fieldMatch && <Tag color="green">{t('panels.seat.match')}</Tag>}
          </Space>
        ))}
        {app.proposed.map((s) => (
          <Flex key={s.expertId} justify="space-between" align="center" gap="middle" data-testid={`seat-${s.expertName}`}>
            <Space orientation="vertical" size={0}>
              <Space wrap>
                <Typography.Text strong>{s.expertName}</Typography.Text>
                {s.fieldMatch ? <Tag color="green">{t('panels.seat.match')}</Tag> : <Tag>{t('panels.seat.noMatch')}</Tag>}
                {s.adjusted && <Tag color="blue">{t('panels.seat.adjusted')}</Tag>}
              </Space>
              <Typography.Text type="secondary">
                {s.adjusted ? t('panels.seat.why.adjusted') : s.fieldMatch ? t('panels.seat.why.match', { field, load: s.loadAfter }) : t('panels.seat.why.fill', { load: s.loadAfter })}
              </Typography.Text>
            </Space>
            {open && <Button size="small" onClick={() => onSeat({ runId: run.id, application: app, replace: { expertId: s.expertId, expertName: s.expertName } })}>{t('panels.seat.replace')}</Button>}
          </Flex>
        ))}
        {Array.from({ length: empty }, (_, i) => (
          <Flex key={`empty-${i}`} justify="space-between" align="center" gap="middle">
            <Typography.Text type="secondary">{t('panels.seat.empty')}</Typography.Text>
            {open && <Button size="small" onClick={() => onSeat({ runId: run.id, application: app })}>{t('panels.seat.fill')}</Button>}
          </Flex>
        ))}
      </Flex>
      {app.shortfalls.map((f) => (
        <Alert key={f.kind} type="warning" showIcon style={{ marginTop: 8 }} title={isShortfall(f.kind) ? t(`panels.shortfall.${f.kind}`, { seats: f.seats }) : locale === 'en' ? f.reasonEn : f.reasonZh} />
      ))}
    </Card>
  );
}

/** The newest run of the batch: a dry run to check, adjust and confirm, or what was confirmed. */
export function PanelRunCard({ run }: { run: PanelRun }) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const [seat, setSeat] = useState<SeatTarget | null>(null);
  const confirmRun = $api.useMutation('post', '/api/panels/runs/{id}/confirm', {
    onSuccess: () => invalidate('/api/panels', '/api/reviews/search', '/api/reviews'),
  });
  const seats = run.applications.reduce((n, a) => n + a.proposed.length, 0);
  const confirm = () =>
    modal.confirm({
      title: t('panels.confirm.title'),
      content: t('panels.confirm.content', { apps: run.applications.filter((a) => a.proposed.length > 0).length, seats }),
      okText: t('panels.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const done = await confirmRun.mutateAsync({ params: { path: { id: run.id } } });
          message.success(t('panels.confirm.done', { count: done.assignmentsCreated ?? seats }));
        } catch (err) {
          showProblem(err, title, message);
        }
      },
    });
  return (
    <Card
      title={t('panels.run.title')}
      extra={!run.confirmedAt && seats > 0 && <Button type="primary" onClick={confirm}>{t('panels.confirm')}</Button>}
    >
      <Flex vertical gap="middle">
        {run.confirmedAt ? (
          <Alert type="success" showIcon title={t('panels.run.confirmed', { at: formatBeijing(run.confirmedAt), count: run.assignmentsCreated ?? seats, seed: run.seed })} />
        ) : (
          <Alert type="info" showIcon title={t('panels.run.dry', { seed: run.seed })} />
        )}
        <Typography.Text>
          {t('panels.run.summary', { filled: run.seatsFilled, wanted: run.seatsWanted, size: run.panelSize, matches: run.fieldMatchesRequired, max: run.maxLoadPerExpert })}
        </Typography.Text>
        {run.applications.length === 0 && <Typography.Text type="secondary">{t('panels.run.empty')}</Typography.Text>}
        {run.applications.map((a) => (
          <ApplicationPanel key={a.applicationId} run={run} app={a} onSeat={setSeat} />
        ))}
      </Flex>
      {seat && <AdjustSeatDialog target={seat} onClose={() => setSeat(null)} />}
    </Card>
  );
}
