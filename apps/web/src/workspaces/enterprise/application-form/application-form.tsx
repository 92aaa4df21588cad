import { Alert, App, Button, Card, Descriptions, Form, Result, Space, Steps, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ProblemError, unwrap } from '../../../shared/api/client';
import type { components } from '../../../shared/api/generated/schema';
import type { ApplicationDraft, CheckProblem, CheckResult, Material } from '../../../shared/api/views';
import { showProblem } from '../../../shared/ui/problem-form';
import { LoadState } from '../../../shared/ui/states';
import { useLoad } from '../../../shared/hooks/use-load';
import { useI18n } from '../../../shared/i18n/i18n';
import type { MessageKey } from '../../../shared/i18n/zh-CN';
import { useNavigate } from 'react-router';
import { fieldPath, FormValues, formFieldOf, Group, groupsOf, stepOf, toFormValues, toPatch } from './draft';
import { receiptHtml, receiptName } from './receipt';
import { CorrectionAnswers } from './steps/correction-answers';
import { DeclarationsStep } from './steps/declarations-step';
import { MaterialsStep } from './steps/materials-step';
import { ProductStep } from './steps/product-step';
import { ReviewStep } from './steps/review-step';
import { saveBlob } from '../../../shared/ui/save-file';
import { SaveOutcome, SaveStatus, useAutosave } from './use-autosave';
import { formatBeijing } from '../../../shared/ui/beijing-time';

type DraftBody = components['schemas']['DraftBody'];

const EDITABLE = ['DRAFT', 'RETURNED_FOR_CORRECTION'];
const FORM_NAME = 'applicationForm';
const STEPS: MessageKey[] = ['form.step.product', 'form.step.declarations', 'form.step.materials', 'form.step.review'];

function SaveIndicator({ status, onRetry, onReload }: { status: SaveStatus; onRetry(): void; onReload(): void }) {
  const { t } = useI18n();
  const text: Record<SaveStatus['kind'], string> = {
    idle: t('form.save.idle'),
    pending: t('form.save.pending'),
    saving: t('form.save.saving'),
    saved: status.kind === 'saved' ? t('form.save.saved', { time: formatBeijing(status.at, 'clock') }) : '',
    invalid: status.kind === 'invalid' ? t('form.save.invalid', { count: status.count }) : '',
    failed: status.kind === 'failed' ? t('form.save.failed', { reason: status.title }) : '',
    conflict: t('form.save.conflict.short'),
  };
  const type = status.kind === 'invalid' || status.kind === 'failed' ? 'danger' : status.kind === 'saved' ? 'success' : 'secondary';
  return (
    <Space>
      {status.kind !== 'conflict' && (
        <Typography.Text type={type} role="status" aria-live="polite" data-testid="autosave-status">
          {text[status.kind]}
        </Typography.Text>
      )}
      {status.kind === 'failed' && <Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
      {status.kind === 'conflict' && (
        <Typography.Text type="warning" role="status" aria-live="polite" data-testid="autosave-status">
          {text.conflict}
        </Typography.Text>
      )}
      {status.kind === 'conflict' && <Button size="small" type="primary" onClick={onReload}>{t('form.save.reload')}</Button>}
    </Space>
  );
}

function Receipt({ application, materials, slotName }: { application: ApplicationDraft; materials: Material[]; slotName(id: string): string }) {
  const { t, tk, locale } = useI18n();
  const navigate = useNavigate();
  const when = formatBeijing(application.submittedAt, 'second');
  const download = () => {
    const html = receiptHtml(
      {
        title: t('form.receipt.title'),
        rows: [
          [t('application.no'), application.applicationNo],
          [t('form.receipt.time'), when],
          [t('application.productName'), application.productName],
          [t('application.model'), application.model],
          [t('application.productKind'), tk('productKind', application.productKind)],
          [t('application.state'), tk('state', application.state)],
          [t('form.receipt.version'), String(application.version)],
          ...(application.contentSha256 ? [[t('form.receipt.contentHash'), application.contentSha256] as [string, string]] : []),
          ...(application.pledge
            ? ([
                [t('form.receipt.pledgeVersion'), application.pledge.version],
                [t('form.receipt.pledge'), locale === 'en' ? application.pledge.textEn : application.pledge.textZh],
              ] as Array<[string, string]>)
            : []),
        ],
        materialsTitle: t('form.receipt.materials'),
        materialHeads: [t('form.receipt.slot'), t('form.receipt.file'), t('form.receipt.hash')],
        note: t('form.receipt.note'),
      },
      materials.map((m) => ({ slot: slotName(m.slotId), fileName: m.fileName, sha256: m.sha256 })),
      locale,
    );
    saveBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), receiptName(application));
  };
  return (
    <Result
      status="success"
      title={t('form.receipt.submitted')}
      subTitle={t('form.receipt.subtitle')}
      extra={[
        <Button key="download" type="primary" onClick={download}>{t('form.receipt.download')}</Button>,
        <Button key="detail" onClick={() => navigate(`/enterprise/applications/${application.id}`)}>{t('form.receipt.toDetail')}</Button>,
      ]}
    >
      <Descriptions bordered size="small" column={1} data-testid="receipt">
        <Descriptions.Item label={t('application.no')}>{application.applicationNo}</Descriptions.Item>
        <Descriptions.Item label={t('form.receipt.time')}>{when}</Descriptions.Item>
        <Descriptions.Item label={t('application.state')}>{tk('state', application.state)}</Descriptions.Item>
        <Descriptions.Item label={t('form.receipt.materials')}>{t('form.receipt.count', { count: materials.length })}</Descriptions.Item>
        {application.contentSha256 && (
          <Descriptions.Item label={t('form.receipt.contentHash')}>
            <Typography.Text code copyable data-testid="receipt-hash">{application.contentSha256}</Typography.Text>
          </Descriptions.Item>
        )}
        {application.pledge && (
          <Descriptions.Item label={t('form.receipt.pledge')}>
            <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="receipt-pledge">
              {locale === 'en' ? application.pledge.textEn : application.pledge.textZh}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('form.pledge.version', { version: application.pledge.version })}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Result>
  );
}

/** The form itself, once the application is loaded; `application` changes when it is reloaded. */
function ApplicationForm({ application, reload }: { application: ApplicationDraft; reload(): void }) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // Untyped: names come from the server's field errors and the check as paths.
  const [form] = Form.useForm();
  const id = application.id;
  const editable = EDITABLE.includes(application.state);
  const revision = useRef(application.revision);
  // `?step=check` (the detail page's 提交申报) opens the last step: the check, then the submission.
  const [current, setCurrent] = useState(() => (new URLSearchParams(window.location.search).get('step') === 'check' ? STEPS.length - 1 : 0));
  const [jump, setJump] = useState<CheckProblem | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [checkTick, setCheckTick] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState<ApplicationDraft | null>(null);
  const check = useLoad(() => unwrap<CheckResult>(api.GET('/api/applications/{id}/check', { params: { path: { id } } })), [id, checkTick]);
  const materials = useLoad(() => unwrap<Material[]>(api.GET('/api/applications/{id}/materials', { params: { path: { id } } })), [id]);

  const send = useCallback(
    async (groups: Group[]): Promise<SaveOutcome> => {
      const patch = toPatch(form.getFieldsValue(true) as FormValues, groups);
      try {
        const saved = await unwrap<ApplicationDraft>(
          // The form's patch is built field group by field group (draft.ts); the server validates it whole.
          api.PATCH('/api/applications/{id}', { params: { path: { id } }, body: { ...patch.body, expectedRevision: revision.current } as DraftBody }),
        );
        revision.current = saved.revision;
        // The check counts answered correction items: show it the saved answers.
        if (groups.includes('correctionAnswers')) setCheckTick((n) => n + 1);
        return { kind: 'ok' };
      } catch (err) {
        if (!(err instanceof ProblemError)) return { kind: 'failed', title: String(err) };
        const p = err.problem;
        if (p.code === 'STALE_REVISION') return { kind: 'conflict' };
        if (p.errors?.length) {
          const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
          for (const e of p.errors) {
            const name = fieldPath(e.field, patch.rows);
            const key = name.join('.');
            const entry = byField.get(key) ?? { name, errors: [] };
            const text = title(e.message);
            if (!entry.errors.includes(text)) entry.errors.push(text);
            byField.set(key, entry);
          }
          form.setFields([...byField.values()]);
          return { kind: 'invalid', count: byField.size };
        }
        return { kind: 'failed', title: title(p.title) };
      }
    },
    [form, id, t, title, locale],
  );
  const autosave = useAutosave<Group>(send);

  // A reload (after a conflict) puts the saved draft back into the form.
  useEffect(() => {
    revision.current = application.revision;
    form.resetFields();
    form.setFieldsValue(toFormValues(application));
    autosave.reset();
  }, [application, form, autosave.reset]);

  const onValuesChange = (changed: Record<string, unknown>) => {
    const groups = groupsOf(changed);
    // What the server or the check said about a field goes once the user changes it.
    const touched = new Set<string>([...groups, ...(groups.includes('declarations') ? ['accidents'] : [])]);
    const stale = form.getFieldsError().filter((f) => (f.errors.length || f.warnings.length) && touched.has(String(f.name[0])));
    if (stale.length) form.setFields(stale.map((f) => ({ name: f.name, errors: [], warnings: [] })));
    autosave.change(groups);
  };

  const goTo = async (step: number) => {
    if (step >= 2) {
      await autosave.flush();
      setCheckTick((n) => n + 1);
    }
    setHighlighted(null);
    setCurrent(step);
  };

  const onJump = (p: CheckProblem) => {
    setCurrent(stepOf(p));
    setJump(p);
  };

  // After the step of a problem is shown: scroll to its field (or slot), focus it, and say what is wrong there.
  useEffect(() => {
    if (!jump) return;
    const timer = window.setTimeout(() => {
      const text = `${jump.measuresId} ${locale === 'en' ? jump.messageEn : jump.message}`;
      if (jump.slotId) {
        setHighlighted(jump.slotId);
        const el = document.getElementById(`slot-${jump.slotId}`);
        el?.scrollIntoView({ block: 'center' });
        el?.querySelector<HTMLElement>('button')?.focus();
      } else if (jump.field) {
        const name = formFieldOf(jump.field, form.getFieldsValue(true) as FormValues);
        form.scrollToField(name, { block: 'center' });
        const el = document.getElementById(`${FORM_NAME}_${name.join('_')}`);
        const target = el?.matches('input, textarea, button') ? el : el?.querySelector<HTMLElement>('input:not([disabled]), textarea, button');
        target?.focus();
        form.setFields([{ name, ...(jump.severity === 'blocking' ? { errors: [text] } : { warnings: [text] }) }]);
      }
      setJump(null);
    }, 80);
    return () => window.clearTimeout(timer);
  }, [jump, current, form, locale]);

  const submit = async (pledgeVersion: string) => {
    const saved = await autosave.flush();
    if (saved.kind !== 'ok') {
      message.warning(t('form.check.unsaved'));
      return;
    }
    setSubmitting(true);
    try {
      const request = { params: { path: { id } }, body: { pledgeVersion } };
      const done = await unwrap<ApplicationDraft>(
        application.state === 'RETURNED_FOR_CORRECTION'
          ? api.POST('/api/applications/{id}/resubmit', request)
          : api.POST('/api/applications/{id}/submit', request),
      );
      materials.reload();
      setSubmitted(done);
      message.success(t('application.submitted'));
    } catch (err) {
      showProblem(err, title, message);
      setCheckTick((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  };

  const slotName = (slotId: string) => {
    const s = check.data?.materials.find((m) => m.slotId === slotId);
    return s ? (locale === 'en' ? s.nameEn : s.nameZh) : slotId;
  };

  if (submitted) {
    return (
      <Card title={t('form.title')}>
        <Receipt application={submitted} materials={materials.data ?? []} slotName={slotName} />
      </Card>
    );
  }

  const blocking = (check.data?.problems ?? []).some((p) => p.severity === 'blocking');
  const saveBlocked = ['invalid', 'conflict', 'failed', 'pending', 'saving'].includes(autosave.status.kind);
  return (
    <Card
      title={t('form.title')}
      extra={
        <Space>
          {editable && <SaveIndicator status={autosave.status} onRetry={() => void autosave.flush()} onReload={reload} />}
          <Button onClick={() => void autosave.flush().then(() => navigate(`/enterprise/applications/${id}`))}>{t('common.back')}</Button>
        </Space>
      }
    >
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('form.readOnly')} />}
      {autosave.status.kind === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('form.save.conflict')}
          description={t('form.save.conflict.help')}
          action={<Button type="primary" onClick={reload}>{t('form.save.reload')}</Button>}
        />
      )}
      <Steps
        current={current}
        onChange={(s) => void goTo(s)}
        style={{ marginBottom: 24 }}
        items={STEPS.map((key, i) => ({ title: t(key), ...(i === 3 && blocking && check.data ? { status: current === 3 ? ('error' as const) : undefined } : {}) }))}
      />
      <Form form={form} name={FORM_NAME} layout="vertical" initialValues={toFormValues(application)} onValuesChange={onValuesChange} disabled={!editable}>
        {current === 0 && <ProductStep application={application} disabled={!editable} />}
        {current === 1 && <DeclarationsStep disabled={!editable} productKind={application.productKind} />}
        {current === 3 && application.state === 'RETURNED_FOR_CORRECTION' && application.correction && (
          <CorrectionAnswers
            correction={application.correction}
            slots={check.data?.materials ?? []}
            // The item's own step, with the prefecture's reason shown at the field or slot.
            onGoTo={(target, reason) => onJump({ code: 'M7.3_CORRECTION_ITEM', severity: 'warning', measuresId: 'M7.3', ...target, message: reason, messageEn: reason })}
          />
        )}
      </Form>
      {current === 2 && (
        <MaterialsStep
          applicationId={id}
          check={check}
          materials={materials}
          editable={editable}
          highlighted={highlighted}
          onChanged={() => {
            materials.reload();
            setCheckTick((n) => n + 1);
          }}
        />
      )}
      {current === 3 && <ReviewStep check={check} editable={editable} resubmit={application.state === 'RETURNED_FOR_CORRECTION'} submitting={submitting} saveBlocked={saveBlocked} onJump={onJump} onSubmit={(v) => void submit(v)} />}
      <Space style={{ marginTop: 24 }}>
        {current > 0 && <Button onClick={() => void goTo(current - 1)}>{t('form.prev')}</Button>}
        {current < 3 && <Button type="primary" onClick={() => void goTo(current + 1)}>{t('form.next', { step: t(STEPS[current + 1]) })}</Button>}
      </Space>
    </Card>
  );
}

/** `/enterprise/applications/:id/edit`: the application as a step-by-step form that saves itself. */
export function ApplicationFormPage({ id }: { id: string }) {
  const app = useLoad(() => unwrap<ApplicationDraft>(api.GET('/api/applications/{id}', { params: { path: { id } } })), [id]);
  return (
    <LoadState loading={app.loading} error={app.error} empty={!app.data} onRetry={app.reload} backTo="/enterprise/applications">
      {app.data && <ApplicationForm application={app.data} reload={app.reload} />}
    </LoadState>
  );
}
