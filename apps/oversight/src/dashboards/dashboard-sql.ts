import type { ReadDashboardV1 } from '@firstset/contracts';

/** One SQL statement with numbered parameters, its rows typed by the caller. */
export type Query = <T = Record<string, unknown>>(text: string, params: unknown[]) => Promise<T[]>;

const DAY = 86400;
/** Seconds as days, one decimal: what the page shows. */
export const days = (seconds: unknown) => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / DAY) * 10) / 10);
export const n = (v: unknown) => Number(v ?? 0);

/**
 * A WHERE clause over the filters, with numbered parameters. `alias` is the table that carries
 * batch_id, prefecture_id and submitted_on (the applications or their stage rows).
 */
export function filterClause(f: ReadDashboardV1, alias: string, params: unknown[], opts: { period?: boolean } = {}): string {
  const parts = [`${alias}.batch_id IS NOT NULL`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (f.batchId) add(`${alias}.batch_id = ?::uuid`, f.batchId);
  if (f.prefectureId) add(`${alias}.prefecture_id = ?`, f.prefectureId);
  if (opts.period !== false) {
    if (f.from) add(`${alias}.submitted_on >= ?::date`, f.from);
    if (f.to) add(`${alias}.submitted_on <= ?::date`, f.to);
  }
  return parts.join(' AND ');
}
