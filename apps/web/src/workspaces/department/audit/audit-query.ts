import type { operations } from '../../../shared/api/generated/schema';
import { zhCN } from '../../../shared/i18n/zh-CN';

export type AuditQuery = NonNullable<operations['AuditLogController_search']['parameters']['query']>;
export type AuditRole = NonNullable<AuditQuery['role']>;
export type AuditOutcome = NonNullable<AuditQuery['outcome']>;

/** The audit log's filters as the URL keeps them (strings; dates as Beijing calendar days). */
export const AUDIT_DEFAULTS = {
  actor: undefined as string | undefined,
  role: undefined as string | undefined,
  organisation: undefined as string | undefined,
  action: undefined as string | undefined,
  objectId: undefined as string | undefined,
  requestId: undefined as string | undefined,
  outcome: undefined as string | undefined,
  /** First day, YYYY-MM-DD (Beijing). */
  fromDay: undefined as string | undefined,
  /** Last day, inclusive, YYYY-MM-DD (Beijing). */
  toDay: undefined as string | undefined,
  cursor: undefined as string | undefined,
};
export type AuditSearch = typeof AUDIT_DEFAULTS;

export const AUDIT_ROLES: readonly AuditRole[] = ['enterprise', 'prefecture_officer', 'department_officer', 'institution_staff', 'expert', 'auditor', 'public', 'system'];
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['succeeded', 'rejected'];

/** The action codes that have a label, in the dictionary's order. */
export const LABELLED_ACTIONS: readonly string[] = Object.keys(zhCN)
  .filter((k) => k.startsWith('audit.action.'))
  .map((k) => k.slice('audit.action.'.length));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The next calendar day of a YYYY-MM-DD. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The gateway's query for the URL's filters: a day range becomes Beijing midnights (the last day
 * included); a malformed day or a value outside the lists is left out rather than sent.
 */
export function auditQueryOf(s: AuditSearch, pageSize?: number): AuditQuery {
  const q: AuditQuery = {};
  const text = (v: string | undefined) => v?.trim() || undefined;
  if (text(s.actor)) q.actor = text(s.actor);
  if (s.role && (AUDIT_ROLES as readonly string[]).includes(s.role)) q.role = s.role as AuditRole;
  if (text(s.organisation)) q.organisation = text(s.organisation);
  if (text(s.action)) q.action = text(s.action);
  if (text(s.objectId)) q.objectId = text(s.objectId);
  if (text(s.requestId)) q.requestId = text(s.requestId);
  if (s.outcome && (AUDIT_OUTCOMES as readonly string[]).includes(s.outcome)) q.outcome = s.outcome as AuditOutcome;
  if (s.fromDay && DAY.test(s.fromDay)) q.from = `${s.fromDay}T00:00:00+08:00`;
  if (s.toDay && DAY.test(s.toDay)) q.to = `${nextDay(s.toDay)}T00:00:00+08:00`;
  if (s.cursor) q.cursor = s.cursor;
  if (pageSize) q.pageSize = pageSize;
  return q;
}

/** The organisation part of a recorded jurisdiction (`prefecture:150200` → kind and code). */
export function organisationOf(jurisdiction: string | null): { kind: string; code: string } | null {
  if (!jurisdiction) return null;
  const at = jurisdiction.indexOf(':');
  return at < 0 ? { kind: jurisdiction, code: '' } : { kind: jurisdiction.slice(0, at), code: jurisdiction.slice(at + 1) };
}
