import { Alert, Button, Card, Form, Space, Steps, theme } from 'antd';
import { useNavigate } from 'react-router';
import { $api } from '../../../shared/api/query';
import type { ApplicationDraft } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { LoadState, problemOf } from '../../../shared/ui/states';
import { groupsOf, toFormValues } from './draft';
import { CHECK_STEP, MATERIALS_STEP, STEPS, useStep } from './form-steps';
import { useCheck, useMaterials } from './queries';
import { ConflictAlert, SaveIndicator } from './save-indicator';
import { CorrectionAnswers } from './steps/correction-answers';
import { DeclarationsStep } from './steps/declarations-step';
import { MaterialsStep } from './steps/materials-step';
import { ProductStep } from './steps/product-step';
import { ReviewStep } from './steps/review-step';
import { SubmissionReceipt } from './submission-receipt';
import { useDraft } from './use-draft';
import { useProblemJump } from './use-problem-jump';
import { useSubmission } from './use-submission';

const EDITABLE = ['DRAFT', 'RETURNED_FOR_CORRECTION'];
const FORM_NAME = 'applicationForm';
const UNSAVED = ['invalid', 'conflict', 'failed', 'pending', 'saving'];

/** The form itself, once the application is loaded; the cached application refreshes under it without resetting it. */
function ApplicationForm({ application, refetch }: { application: ApplicationDraft; refetch: () => Promise<{ data?: ApplicationDraft }> }) {
  const { t, locale } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  // Untyped: names come from the server's field errors and the check as paths.
  const [form] = Form.useForm();
  const id = application.id;
  const editable = EDITABLE.includes(application.state);
  const returned = application.state === 'RETURNED_FOR_CORRECTION';
  const [current, setStep] = useStep();
  const check = useCheck(id);
  const materials = useMaterials(id);
  const { status, autosave, reload } = useDraft(form, application, refetch);
  const { jumpTo, highlighted, clearHighlight } = useProblemJump(form, FORM_NAME, current, setStep);
  const { submit, submitting, submitted } = useSubmission(application, () => autosave.flush(), () => void check.refetch());

  const onValuesChange = (changed: Record<string, unknown>) => {
    const groups = groupsOf(changed);
    // What the server or the check said about a field goes once the user changes it.
    const touched = new Set<string>([...groups, ...(groups.includes('declarations') ? ['accidents'] : [])]);
    const stale = form.getFieldsError().filter((f) => (f.errors.length || f.warnings.length) && touched.has(String(f.name[0])));
    if (stale.length) form.setFields(stale.map((f) => ({ name: f.name, errors: [], warnings: [] })));
    autosave.change(groups);
  };

  // The materials and the check see the draft as saved: save first, then ask the check again.
  const goTo = async (step: number) => {
    if (step >= MATERIALS_STEP) {
      await autosave.flush();
      void check.refetch();
    }
    clearHighlight();
    setStep(step);
  };

  const slotName = (slotId: string) => {
    const s = check.data?.materials.find((m) => m.slotId === slotId);
    return s ? (locale === 'en' ? s.nameEn : s.nameZh) : slotId;
  };

  if (submitted) {
    return (
      <Card title={t('form.title')}>
        <SubmissionReceipt application={submitted} materials={materials.data ?? []} slotName={slotName} />
      </Card>
    );
  }

  const blocking = (check.data?.problems ?? []).some((p) => p.severity === 'blocking');
  const onReload = () => void reload();
  const back = async () => {
    await autosave.flush();
    await navigate(`/enterprise/applications/${id}`);
  };
  return (
    <Card
      title={t('form.title')}
      extra={
        <Space>
          {editable && <SaveIndicator status={status} onRetry={() => void autosave.flush()} onReload={onReload} />}
          <Button onClick={() => void back()}>{t('common.back')}</Button>
        </Space>
      }
    >
      {!editable && <Alert type="info" showIcon style={{ marginBottom: token.margin }} title={t('form.readOnly')} />}
      {status.kind === 'conflict' && <ConflictAlert onReload={onReload} />}
      <Steps
        current={current}
        onChange={(s) => void goTo(s)}
        style={{ marginBottom: token.marginLG }}
        items={STEPS.map((s, i) => ({ title: t(s.title), ...(i === CHECK_STEP && blocking && current === CHECK_STEP ? { status: 'error' as const } : {}) }))}
      />
      <Form form={form} name={FORM_NAME} layout="vertical" initialValues={toFormValues(application)} onValuesChange={onValuesChange} disabled={!editable}>
        {current === 0 && <ProductStep application={application} disabled={!editable} />}
        {current === 1 && <DeclarationsStep disabled={!editable} productKind={application.productKind} />}
        {current === CHECK_STEP && returned && application.correction && (
          <CorrectionAnswers
            correction={application.correction}
            slots={check.data?.materials ?? []}
            // The item's own step, with the prefecture's reason shown at the field or slot.
            onGoTo={(target, reason) => jumpTo({ code: 'M7.3_CORRECTION_ITEM', severity: 'warning', measuresId: 'M7.3', ...target, message: reason, messageEn: reason })}
          />
        )}
      </Form>
      {current === MATERIALS_STEP && <MaterialsStep applicationId={id} editable={editable} highlighted={highlighted} />}
      {current === CHECK_STEP && (
        <ReviewStep applicationId={id} editable={editable} resubmit={returned} submitting={submitting} saveBlocked={UNSAVED.includes(status.kind)} onJump={jumpTo} onSubmit={(v) => void submit(v)} />
      )}
      <Space style={{ marginTop: token.marginLG }}>
        {current > 0 && <Button onClick={() => void goTo(current - 1)}>{t('form.prev')}</Button>}
        {current < CHECK_STEP && <Button type="primary" onClick={() => void goTo(current + 1)}>{t('form.next', { step: t(STEPS[current + 1].title) })}</Button>}
      </Space>
    </Card>
  );
}

/** `/enterprise/applications/:id/edit`: the application as a step-by-step form that saves itself. */
export function ApplicationFormPage({ id }: { id: string }) {
  const app = $api.useQuery('get', '/api/applications/{id}', { params: { path: { id } } });
  // A failed refresh under a loaded form keeps the form (and what is typed in it).
  return (
    <LoadState loading={app.isPending} error={app.data ? null : problemOf(app.error)} empty={!app.data} onRetry={() => void app.refetch()} backTo="/enterprise/applications">
      {app.data && <ApplicationForm key={id} application={app.data} refetch={app.refetch} />}
    </LoadState>
  );
}
