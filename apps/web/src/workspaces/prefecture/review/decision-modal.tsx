import { Alert, Form, FormInstance, Modal, Select, theme } from 'antd';
import { ReactNode, useState } from 'react';
import { ProblemError } from '../../../shared/api/client';
import type { ReviewCase } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import type { MessageKey } from '../../../shared/i18n/zh-CN';
import { COMMON_MEASURES, MEASURES_ID } from '../../../features/application-viewer/review-format';

/** Service errors that belong to one field of the dialog although the server names none. */
const FIELD_OF_CODE: Record<string, string> = { CORRECTION_DEADLINE_INVALID: 'deadline' };

/**
 * A failed request in a dialog: the problem's title (in the user's language) at each field the
 * server names, and at the top of the dialog. `items.0.reason` from the server is the form's
 * `['items', 0, 'reason']`.
 */
export function problemInDialog(err: unknown, form: FormInstance, title: (s: string) => string): string {
  if (!(err instanceof ProblemError)) return title(String(err));
  const p = err.problem;
  const values = (form.getFieldsValue(true) ?? {}) as Record<string, unknown>;
  const paths = (p.errors ?? [])
    .map((e) => e.field.replace(/\[(\d+)\]/g, '.$1').split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)))
    .filter((path) => path.length > 0 && String(path[0]) in values);
  const byCode = FIELD_OF_CODE[p.code];
  if (byCode && byCode in values) paths.push([byCode]);
  if (paths.length) form.setFields(paths.map((name) => ({ name, errors: [title(p.title)] })));
  return title(p.title);
}

export function DialogProblem({ text }: { text: string | null }) {
  const { token } = theme.useToken();
  return text ? <Alert type="error" showIcon role="alert" style={{ marginBottom: token.margin }} title={text} /> : null;
}

export interface DialogProps {
  review: ReviewCase;
  open: boolean;
  onCancel(): void;
  onDone(result: ReviewCase): void;
}

/** One decision dialog: the form, the request, the server's problem inside the dialog. */
export function DecisionModal<T extends object>({ open, titleKey, okKey, danger, form, name, onCancel, send, initialValues, children }: {
  open: boolean;
  titleKey: MessageKey;
  okKey: MessageKey;
  danger?: boolean;
  form: FormInstance<T>;
  name: string;
  onCancel(): void;
  send(values: T): Promise<void>;
  initialValues?: Partial<T>;
  children: ReactNode;
}) {
  const { t, title } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onFinish = async (values: T) => {
    setBusy(true);
    setProblem(null);
    try {
      await send(values);
    } catch (err) {
      setProblem(problemInDialog(err, form, title));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t(titleKey)}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(null);
        onCancel();
      }}
      okText={t(okKey)}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      width={680}
      destroyOnHidden
    >
      <DialogProblem text={problem} />
      <Form form={form} name={name} layout="vertical" onFinish={onFinish} initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

export function MeasuresField({ extra }: { extra?: string[] }) {
  const { t } = useI18n();
  const options = [...new Set([...COMMON_MEASURES, ...(extra ?? [])])].sort().map((m) => ({ value: m, label: m }));
  return (
    <Form.Item
      name="measuresIds"
      label={t('review.measuresIds')}
      extra={t('review.measuresIds.hint')}
      rules={[
        { required: true, type: 'array', min: 1, message: t('review.measuresIds.required') },
        {
          validator: (_, v: string[] | undefined) => ((v ?? []).every((m) => MEASURES_ID.test(m)) ? Promise.resolve() : Promise.reject(new Error(t('review.measuresIds.invalid')))),
        },
      ]}
    >
      <Select mode="tags" options={options} tokenSeparators={[',', '，', ' ']} placeholder={t('review.measuresIds.placeholder')} />
    </Form.Item>
  );
}
