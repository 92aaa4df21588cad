import { FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { problemOf } from '../../shared/ui/problem';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_FILES, uploadEvidence } from '../../features/objections/evidence-upload';
import { PHONE_PATTERN } from '../../features/objections/types';
import { Field, FieldErrors, focusFirstInvalid, placeProblem } from './form';
import { Alert, Card, ConfirmDialog, CopyButton } from './ui';

interface Values {
  objectorName: string;
  objectorKind: 'individual' | 'organization';
  phone: string;
  email: string;
  grounds: string;
}
type Fields = keyof Values | 'files';
const FIELDS: readonly Fields[] = ['objectorName', 'objectorKind', 'phone', 'email', 'grounds', 'files'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The receipt, which the objector keeps to follow the case; files that did not go up are named. */
function Receipt({ receiptNo, failures }: { receiptNo: string; failures: string[] }) {
  const { t } = useI18n();
  return (
    <Card narrow title={t('objections.form.title')}>
      <div className="pub-result" role="status">
        <div className="pub-result-icon" aria-hidden="true">✓</div>
        <h2>{t('objections.form.done')}</h2>
        <p>
          <strong data-testid="receipt-no">{t('objections.form.receipt', { receiptNo })}</strong> <CopyButton text={receiptNo} />
        </p>
        <p>{t('objections.form.receipt.hint')}</p>
        <Link to="/public/objections/follow">{t('objections.form.follow')}</Link>
      </div>
      <div className="pub-stack">
        {failures.map((f) => <Alert key={f} tone="warning" title={f} />)}
      </div>
    </Card>
  );
}

/**
 * Anyone objects to an entry of a publicized list, without an account (M9.2; ADR 0025): the
 * entry comes from the public notice (`?entry=`); the evidence goes up after the objection is
 * lodged, with its receipt number; the receipt is what the objector keeps to follow the case.
 */
export function ObjectionFormPage() {
  const { t, title } = useI18n();
  const [params] = useSearchParams();
  const entryId = params.get('entry') ?? '';
  const form = useRef<HTMLFormElement>(null);
  const [v, setValues] = useState<Values>({ objectorName: '', objectorKind: 'individual', phone: '', email: '', grounds: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [invalid, setInvalid] = useState<FieldErrors<Fields>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [receipt, setReceipt] = useState<{ receiptNo: string; failures: string[] } | null>(null);
  const lodging = $api.useMutation('post', '/api/public/objections');
  const set = (patch: Partial<Values>) => setValues((before) => ({ ...before, ...patch }));

  const check = (): FieldErrors<Fields> => {
    const errors: FieldErrors<Fields> = {};
    if (!v.objectorName.trim()) errors.objectorName = t('common.required', { label: t('objections.form.name') });
    if (!PHONE_PATTERN.test(v.phone)) errors.phone = t('objections.form.phone.invalid');
    if (v.email.trim() && !EMAIL.test(v.email.trim())) errors.email = t('common.invalidEmail');
    if (v.grounds.trim().length < 10) errors.grounds = t('objections.form.grounds.hint');
    return errors;
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors = check();
    setInvalid(errors);
    if (Object.keys(errors).length) return focusFirstInvalid(form.current);
    setConfirming(true);
  };
  const lodge = async () => {
    setFailure(undefined);
    try {
      const done = await lodging.mutateAsync({ body: { ...v, entryId, objectorName: v.objectorName.trim(), email: v.email.trim() || undefined, grounds: v.grounds.trim() } });
      const failures: string[] = [];
      for (const f of files) {
        try {
          await uploadEvidence(done.receiptNo, v.phone, f);
        } catch (err) {
          failures.push(t('objections.form.fileFailed', { name: f.name, reason: title(problemOf(err)?.title ?? '') }));
        }
      }
      setReceipt({ receiptNo: done.receiptNo, failures });
    } catch (err) {
      const placed = placeProblem(err, title, FIELDS);
      setInvalid(placed.fields);
      setFailure(placed.message);
      focusFirstInvalid(form.current);
    }
  };

  if (receipt) return <Receipt {...receipt} />;
  return (
    <Card narrow title={t('objections.form.title')}>
      <p>{t('objections.form.intro')}</p>
      <div className="pub-stack" style={{ marginBottom: 16 }}>
        {!entryId && <Alert title={t('objections.form.noEntry')} />}
        {failure && <Alert tone="error" live="alert" title={failure} />}
      </div>
      <form ref={form} noValidate onSubmit={onSubmit}>
        <fieldset className="pub-field" disabled={!entryId}>
          <legend>{t('objections.form.kind')}</legend>
          {(['individual', 'organization'] as const).map((kind) => (
            <label key={kind} className="pub-choice">
              <input type="radio" name="objectorKind" value={kind} checked={v.objectorKind === kind} onChange={() => set({ objectorKind: kind })} />
              {t(`objections.form.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={!entryId} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
          <Field
            label={t('objections.form.name')}
            error={invalid.objectorName}
            control={(p) => <input {...p} className="pub-input" value={v.objectorName} onChange={(e) => set({ objectorName: e.target.value })} maxLength={100} autoComplete="name" />}
          />
          <Field
            label={t('objections.form.phone')}
            help={t('objections.form.phone.hint')}
            error={invalid.phone}
            control={(p) => <input {...p} className="pub-input" value={v.phone} onChange={(e) => set({ phone: e.target.value })} inputMode="tel" autoComplete="tel" maxLength={20} />}
          />
          <Field
            label={t('objections.form.email')}
            error={invalid.email}
            control={(p) => <input {...p} className="pub-input" type="email" value={v.email} onChange={(e) => set({ email: e.target.value })} autoComplete="email" maxLength={200} />}
          />
          <Field
            label={t('objections.form.grounds')}
            help={t('objections.form.grounds.hint')}
            error={invalid.grounds}
            control={(p) => (
              <>
                <textarea {...p} className="pub-input" rows={6} value={v.grounds} onChange={(e) => set({ grounds: e.target.value })} maxLength={5000} />
                <div className="pub-count" aria-hidden="true">{`${v.grounds.length} / 5000`}</div>
              </>
            )}
          />
          <Field
            label={t('objections.form.files')}
            help={t('objections.form.files.hint')}
            error={invalid.files}
            control={(p) => (
              <>
                <input
                  {...p}
                  type="file"
                  accept={EVIDENCE_ACCEPT}
                  multiple
                  onChange={(e) => {
                    const chosen = [...(e.target.files ?? [])];
                    setFiles(chosen.slice(0, EVIDENCE_MAX_FILES));
                    setInvalid((before) => ({ ...before, files: chosen.length > EVIDENCE_MAX_FILES ? t('objections.form.files.tooMany') : undefined }));
                  }}
                />
                {files.length > 0 && (
                  <ul>
                    {files.map((f) => <li key={f.name}>{f.name}</li>)}
                  </ul>
                )}
              </>
            )}
          />
          <button type="submit" className="pub-btn pub-btn-primary pub-btn-block" aria-busy={lodging.isPending || undefined}>{t('objections.form.submit')}</button>
        </fieldset>
      </form>
      <ConfirmDialog open={confirming} title={t('objections.form.confirm')} okText={t('objections.form.submit')} onOk={lodge} onClose={() => setConfirming(false)} />
    </Card>
  );
}
