import { FormEvent, useRef, useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-format';
import { problemOf } from '../../shared/ui/problem';
import { inLocale, PHONE_PATTERN, RECEIPT_PATTERN, STATUS_COLOR, type ObjectionFollow } from '../../features/objections/types';
import { Field, FieldErrors, focusFirstInvalid } from './form';
import { Alert, Card, Details, Tag, Tone } from './ui';

type Fields = 'receiptNo' | 'phone';

/** What the objector sees of the case: status, dates and the outcome with its reasons (ADR 0025). */
function CaseView({ c }: { c: ObjectionFollow }) {
  const { t, locale } = useI18n();
  const outcome = c.inadmissibleReason ?? c.outcomeReason;
  const pending = <span className="pub-secondary">{t('objections.follow.pending')}</span>;
  return (
    <Details
      bordered
      data-testid="objection-case"
      items={[
        { label: t('objections.follow.receiptNo'), value: c.receiptNo },
        { label: t('objections.status'), value: <Tag tone={STATUS_COLOR[c.status] as Tone}>{inLocale(locale, c.statusLabel)}</Tag> },
        { label: t('objections.follow.lodgedAt'), value: formatBeijing(c.lodgedAt) },
        { label: t('objections.follow.entry'), value: `${c.entry.enterpriseName} · ${c.entry.productName}（${c.entry.model}）` },
        {
          label: t('objections.follow.files'),
          value: c.attachments.length ? c.attachments.map((a) => <div key={a.sha256}>{a.fileName}</div>) : <span className="pub-secondary">{t('objections.files.none')}</span>,
        },
        { label: c.inadmissibleReason ? t('objections.follow.inadmissible') : t('objections.follow.outcome'), value: outcome ?? pending },
        (c.decidedAt ?? c.assessedAt) && outcome ? { label: t('objections.follow.decidedAt'), value: formatBeijing(c.decidedAt ?? c.assessedAt) } : null,
      ]}
    />
  );
}

/** The objector follows the case with the receipt number and the phone; a wrong pair says only that. */
export function ObjectionFollowPage() {
  const { t, title } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [receiptNo, setReceiptNo] = useState('');
  const [phone, setPhone] = useState('');
  const [invalid, setInvalid] = useState<FieldErrors<Fields>>({});
  const [found, setFound] = useState<ObjectionFollow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors<Fields> = {};
    if (!RECEIPT_PATTERN.test(receiptNo.trim())) errors.receiptNo = t('objections.follow.receiptNo.invalid');
    if (!PHONE_PATTERN.test(phone.trim())) errors.phone = t('objections.form.phone.invalid');
    setInvalid(errors);
    if (Object.keys(errors).length) return focusFirstInvalid(form.current);
    setBusy(true);
    setError(null);
    try {
      setFound(await unwrap<ObjectionFollow>(api.GET('/api/public/objections/{receiptNo}', { params: { path: { receiptNo: receiptNo.trim() }, query: { phone: phone.trim() } } })));
    } catch (err) {
      setFound(null);
      const problem = problemOf(err);
      setError(problem?.status === 404 ? t('objections.follow.notFound') : title(problem?.title ?? t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card narrow title={t('objections.follow.title')}>
      <p>{t('objections.follow.intro')}</p>
      <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)}>
        <Field
          label={t('objections.follow.receiptNo')}
          error={invalid.receiptNo}
          control={(p) => (
            <input {...p} className="pub-input" value={receiptNo} onChange={(e) => setReceiptNo(e.target.value.toUpperCase())} placeholder="2026-XXXX-XXXX" maxLength={14} autoCapitalize="characters" />
          )}
        />
        <Field
          label={t('objections.form.phone')}
          error={invalid.phone}
          control={(p) => <input {...p} className="pub-input" value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={20} />}
        />
        <button type="submit" className="pub-btn pub-btn-primary pub-btn-block" disabled={busy} aria-busy={busy || undefined}>{t('objections.follow.query')}</button>
      </form>
      <div style={{ marginTop: 16 }}>
        {error && <Alert tone="error" live="alert" title={error} />}
        {found && <CaseView c={found} />}
      </div>
    </Card>
  );
}
