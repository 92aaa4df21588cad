import type { Label } from '../lifecycle/vocabulary';
import { LocalDate, parseLocalDate } from '../shared/local-date';
import type { SanctionPeriod } from './sanction-measures';

/**
 * What happens to a sanction after it is imposed, as its history (ADR 0026). Its status on a day is
 * computed from the period and this history, never stored, so a ban ends on its last day by itself.
 * - suspended / resumed: execution stopped and taken up again (e.g. while a reconsideration runs);
 * - lifted: ended early by a recorded decision of the Department;
 * - set_aside: annulled by a reconsideration or a court (as if never in force from that day);
 * - upheld: a reconsideration or a court confirmed it (no change of status, kept for the record).
 */
export const SANCTION_EVENT_KINDS = ['imposed', 'suspended', 'resumed', 'lifted', 'set_aside', 'upheld'] as const;
export type SanctionEventKind = (typeof SANCTION_EVENT_KINDS)[number];

export interface SanctionHistoryEvent {
  kind: SanctionEventKind;
  /** The day it takes effect. */
  on: LocalDate;
}

export const SANCTION_STATUSES = ['not_yet', 'in_force', 'suspended', 'lifted', 'set_aside', 'ended'] as const;
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];

export const SANCTION_STATUS_LABELS: Readonly<Record<SanctionStatus, Label>> = {
  not_yet: { zh: '尚未生效', en: 'Not yet in force' },
  in_force: { zh: '执行中', en: 'In force' },
  suspended: { zh: '暂停执行', en: 'Suspended' },
  lifted: { zh: '已提前解除', en: 'Lifted early' },
  set_aside: { zh: '已撤销（复议或诉讼）', en: 'Set aside' },
  ended: { zh: '期满终止', en: 'Ended' },
};

/** Where a sanction may go from its status on the day a change is recorded. */
export const SANCTION_CHANGES: Readonly<Record<SanctionStatus, readonly SanctionEventKind[]>> = {
  not_yet: ['lifted', 'set_aside', 'upheld'],
  in_force: ['suspended', 'lifted', 'set_aside', 'upheld'],
  suspended: ['resumed', 'lifted', 'set_aside', 'upheld'],
  lifted: [],
  set_aside: [],
  ended: ['set_aside', 'upheld'],
};

/**
 * The status of a sanction on `date`: events after `date` are not yet known on it. A final event
 * (lifted, set aside) wins over the period; a suspension holds until resumed; past `until` the
 * sanction has ended by itself.
 */
export function sanctionStatusAt(s: SanctionPeriod & { history: readonly SanctionHistoryEvent[] }, date: LocalDate): SanctionStatus {
  const on = parseLocalDate(date, 'date');
  const known = s.history.filter((e) => e.on <= on).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let suspended = false;
  for (const e of known) {
    if (e.kind === 'set_aside') return 'set_aside';
    if (e.kind === 'lifted') return 'lifted';
    if (e.kind === 'suspended') suspended = true;
    if (e.kind === 'resumed') suspended = false;
  }
  if (on < s.from) return 'not_yet';
  if (s.until !== null && on > s.until) return 'ended';
  return suspended ? 'suspended' : 'in_force';
}

/** A sanction the gates enforce on `date` (a suspended one does not bar, an ended one no longer does). */
export const sanctionBarsOn = (s: SanctionPeriod & { history: readonly SanctionHistoryEvent[] }, date: LocalDate): boolean =>
  sanctionStatusAt(s, date) === 'in_force';

/** Whether a change may be recorded on `date`; the status it would leave from is the one on that day. */
export const canChangeSanction = (s: SanctionPeriod & { history: readonly SanctionHistoryEvent[] }, date: LocalDate, change: SanctionEventKind): boolean =>
  SANCTION_CHANGES[sanctionStatusAt(s, date)].includes(change);
