import { ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Problem } from '../../shared/api/client';
import { PAGE_SIZES } from '../../shared/hooks/url-pagination';
import { useI18n } from '../../shared/i18n/i18n';
import { isNotFoundOrForbidden } from '../../shared/ui/problem';

// The public pages' parts, plain semantic HTML styled by public.css to look like the console's antd
// (ADR 0032): a signed-out visitor downloads no UI library. Each is the small subset the public
// pages use of the antd part it stands for.

/** A card with its title bar: a titled region of the page. */
export function Card({ title, extra, narrow, small, heading = 'h1', children, ...rest }: {
  title: ReactNode;
  extra?: ReactNode;
  narrow?: boolean;
  small?: boolean;
  heading?: 'h1' | 'h2';
  children: ReactNode;
  'data-testid'?: string;
}) {
  const id = useId();
  const H = heading;
  return (
    <section className={`pub-card${narrow ? ' pub-card-narrow' : ''}${small ? ' pub-card-small' : ''}`} aria-labelledby={id} {...rest}>
      <div className="pub-card-head">
        <H id={id}>{title}</H>
        {extra}
      </div>
      <div className="pub-card-body">{children}</div>
    </section>
  );
}

export type Tone = 'default' | 'success' | 'error' | 'warning' | 'processing';

/** A status label. */
export function Tag({ tone = 'default', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`pub-tag pub-tag-${tone}`}>{children}</span>;
}

/**
 * A message box. `live` makes it announced: 'alert' for an error the user must act on, 'status'
 * for a result; a box that is part of the page as it loads is not announced.
 */
export function Alert({ tone = 'info', title, live, children, ...rest }: {
  tone?: 'info' | 'success' | 'warning' | 'error';
  title: ReactNode;
  live?: 'alert' | 'status';
  children?: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <div className={`pub-alert pub-alert-${tone}`} role={live} {...rest}>
      <div className="pub-alert-title">{title}</div>
      {children}
    </div>
  );
}

/** The loading line, announced to screen readers. */
export function Loading() {
  const { t } = useI18n();
  return <div className="pub-loading" role="status">{t('common.loading')}</div>;
}

/** Loading, error and empty states of a public read (the console's LoadState without antd). */
export function LoadState({ loading, error, empty, emptyText, onRetry, children }: {
  loading: boolean;
  error: Problem | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const { t, title } = useI18n();
  if (error && isNotFoundOrForbidden(error)) {
    return (
      <Alert tone="warning" live="alert" title={t('common.notFoundOrNotYours')}>
        <p>{t('common.notFoundOrNotYours.hint')}</p>
        <Link to="/public">{t('common.back')}</Link>
      </Alert>
    );
  }
  if (error) {
    return (
      <Alert tone="warning" live="alert" title={t('common.loadFailed')}>
        <p>{title(error.title)}</p>
        {onRetry && <button type="button" className="pub-btn" onClick={onRetry}>{t('common.retry')}</button>}
      </Alert>
    );
  }
  if (loading && empty !== false) return <Loading />;
  if (empty) return <p className="pub-loading pub-secondary">{emptyText ?? t('common.empty')}</p>;
  return <>{children}</>;
}

export interface Column<T> {
  title: string;
  cell: (row: T) => ReactNode;
  /** Shown from this screen width up (antd's breakpoints), as antd's responsive columns. */
  from?: 'sm' | 'md' | 'lg' | 'xl';
}

/** A table with its caption and column headers; wide, it scrolls in its own box. */
export function DataTable<T>({ caption, captionHidden, rows, rowKey, columns, emptyText, busy, small, ...rest }: {
  caption: string;
  captionHidden?: boolean;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly Column<T>[];
  emptyText?: string;
  busy?: boolean;
  small?: boolean;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const cls = (c: Column<T>) => (c.from ? `pub-from-${c.from}` : undefined);
  return (
    <div className="pub-table-wrap">
      <table className={`pub-table${small ? ' pub-table-small' : ''}`} aria-busy={busy || undefined} {...rest}>
        <caption className={captionHidden ? 'pub-sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} scope="col" className={cls(c)}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className="pub-empty" colSpan={columns.length}>{emptyText ?? t('common.empty')}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.title} className={cls(c)}>{c.cell(r)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The page numbers a pager offers: the first, the last, and two either side of the current one; a gap of one page shows that page. */
export function pagesAround(page: number, count: number): Array<number | 'gap'> {
  const shown = Array.from({ length: count }, (_, i) => i + 1).filter((p) => p === 1 || p === count || Math.abs(p - page) <= 2);
  return shown.flatMap((p, i) => {
    const before = shown[i - 1];
    if (before === undefined || p - before === 1) return [p];
    return p - before === 2 ? [p - 1, p] : ['gap' as const, p];
  });
}

/** A pager (antd's Pagination): the total, the pages (the current one aria-current), the page size. */
export function Pager({ total, page, pageSize, onChange, sizes = PAGE_SIZES }: {
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
  sizes?: readonly number[];
}) {
  const { t } = useI18n();
  const count = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t('pager.label')}>
      <ul className="pub-pager">
        <li>{t('common.total', { total })}</li>
        <li>
          <button type="button" aria-label={t('pager.prev')} disabled={page <= 1} onClick={() => onChange(page - 1, pageSize)}>‹</button>
        </li>
        {pagesAround(page, count).map((p, i) => (
          <li key={p === 'gap' ? `gap-${i}` : p}>
            {p === 'gap' ? (
              <span aria-hidden="true">…</span>
            ) : (
              <button type="button" aria-label={t('pager.page', { page: p })} aria-current={p === page ? 'page' : undefined} onClick={() => onChange(p, pageSize)}>
                {p}
              </button>
            )}
          </li>
        ))}
        <li>
          <button type="button" aria-label={t('pager.next')} disabled={page >= count} onClick={() => onChange(page + 1, pageSize)}>›</button>
        </li>
        {sizes.length > 1 && (
          <li>
            <select className="pub-input" aria-label={t('pager.size')} value={pageSize} onChange={(e) => onChange(1, Number(e.target.value))}>
              {sizes.map((s) => (
                <option key={s} value={s}>{t('pager.sizeOption', { size: s })}</option>
              ))}
            </select>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Label and value pairs (antd's Descriptions); `wide` items take the whole row. */
export function Details({ items, bordered, ...rest }: {
  items: ReadonlyArray<{ label: string; value: ReactNode; wide?: boolean } | false | null | undefined>;
  bordered?: boolean;
  'data-testid'?: string;
}) {
  return (
    <dl className={`pub-desc${bordered ? ' pub-desc-bordered' : ''}`} {...rest}>
      {items.filter((i) => !!i).map((i) => (
        <div key={i.label} className={i.wide ? 'pub-wide' : undefined}>
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A text with a button that copies it (antd's copyable text). */
export function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  if (!globalThis.navigator?.clipboard) return null;
  return (
    <button
      type="button"
      className="pub-btn pub-btn-link"
      onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true), () => undefined)}
    >
      {t(copied ? 'common.copied' : 'common.copy')}
    </button>
  );
}

/** A modal question (the browser's own dialog element): OK runs `onOk`, which may take a while. */
export function ConfirmDialog({ open, title, okText, onOk, onClose }: {
  open: boolean;
  title: string;
  okText: string;
  onOk: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="pub-dialog" aria-labelledby={id} onClose={onClose}>
      <h2 id={id}>{title}</h2>
      <div className="pub-dialog-actions">
        <button type="button" className="pub-btn" onClick={onClose} disabled={busy}>{t('common.cancel')}</button>
        <button
          type="button"
          className="pub-btn pub-btn-primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onOk().finally(() => {
              setBusy(false);
              onClose();
            });
          }}
        >
          {okText}
        </button>
      </div>
    </dialog>
  );
}
