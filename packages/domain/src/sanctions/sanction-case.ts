import type { Label } from '../lifecycle/vocabulary';
import { DomainError } from '../shared/errors';
import { LocalDate, addDays, parseLocalDate } from '../shared/local-date';
import type { SanctionMeasure } from './sanction-measures';

/**
 * A compliance case: the due process before a sanction (ADR 0026). The Department opens it with
 * the facts; tells the party what it intends and by when the party may state its case (告知);
 * records the statement (陈述、申辩) or its waiver; and decides with reasons, either the measure it
 * announced or none. A case can be dropped at any point before the decision, with a reason.
 */
export const CASE_STATUSES = ['opened', 'notified', 'statement_received', 'decided', 'dropped'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, Label>> = {
  opened: { zh: '已立案', en: 'Opened' },
  notified: { zh: '已告知，待陈述申辩', en: 'Party notified, statement awaited' },
  statement_received: { zh: '已收到陈述申辩', en: 'Statement received' },
  decided: { zh: '已作出处理决定', en: 'Decided' },
  dropped: { zh: '已撤案', en: 'Dropped' },
};

export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  opened: ['notified', 'dropped'],
  notified: ['statement_received', 'decided', 'dropped'],
  statement_received: ['decided', 'dropped'],
  decided: [],
  dropped: [],
};

export const canMoveCase = (from: CaseStatus, to: CaseStatus): boolean => CASE_TRANSITIONS[from].includes(to);

/** A case still being heard: its interim measure (if any) holds, and it can still be dropped. */
export const caseIsOpen = (status: CaseStatus): boolean => status !== 'decided' && status !== 'dropped';

/** The case cannot be decided yet: the party has not been heard and its time to answer is still running. */
export class StatementPeriodOpenError extends DomainError {
  readonly code = 'STATEMENT_PERIOD_OPEN';
  constructor(deadline: LocalDate) {
    super(
      `当事人陈述、申辩期限（${deadline}）尚未届满，且尚未收到陈述申辩或放弃声明，暂不能作出处理决定。`,
      `The party's time to state its case runs until ${deadline} and no statement or waiver has been received: the case cannot be decided yet.`,
      { deadline },
    );
  }
}

/** A decision heavier than what the party was told of would deny it the hearing on that measure. */
export class MeasureNotNotifiedError extends DomainError {
  readonly code = 'MEASURE_NOT_NOTIFIED';
  constructor(intended: SanctionMeasure, decided: SanctionMeasure) {
    super(
      `处理决定（${decided}）与告知的拟处理措施（${intended}）不一致：如需改变措施，应重新告知当事人并听取陈述申辩。`,
      `The decided measure (${decided}) is not the one the party was told of (${intended}); notify the party again to change it.`,
      { intended, decided },
    );
  }
}

/** The statement deadline gives the party fewer days than the profile's minimum. */
export class StatementDeadlineTooSoonError extends DomainError {
  readonly code = 'STATEMENT_DEADLINE_TOO_SOON';
  constructor(earliest: LocalDate) {
    super(
      `陈述、申辩期限过短，最早可定为 ${earliest}。`,
      `The statement deadline is too soon; the earliest allowed is ${earliest}.`,
      { earliest },
    );
  }
}

/** Days the party has at least to state its case, counted from the day after it is notified. */
export const MIN_STATEMENT_DAYS = 5;

/** The deadline of a notification sent on `notifiedOn`: given by the officer, never sooner than the minimum. */
export function checkStatementDeadline(notifiedOn: LocalDate, deadline: LocalDate, minDays = MIN_STATEMENT_DAYS): LocalDate {
  const earliest = addDays(parseLocalDate(notifiedOn, 'notifiedOn'), minDays);
  const d = parseLocalDate(deadline, 'statementDeadline');
  if (d < earliest) throw new StatementDeadlineTooSoonError(earliest);
  return d;
}

export interface CaseForDecision {
  status: CaseStatus;
  intendedMeasure: SanctionMeasure;
  statementDeadline: LocalDate | null;
}

/**
 * Checks a decision on `today`: only a notified case, once the party was heard (statement or
 * waiver) or its deadline has passed; a sanction only of the measure announced. Returns nothing,
 * throws the reason otherwise.
 */
export function checkCaseDecision(c: CaseForDecision, today: LocalDate, outcome: { sanction: SanctionMeasure | null }): void {
  if (c.status === 'notified' && c.statementDeadline && parseLocalDate(today, 'today') <= c.statementDeadline) {
    throw new StatementPeriodOpenError(c.statementDeadline);
  }
  if (outcome.sanction && outcome.sanction !== c.intendedMeasure) throw new MeasureNotNotifiedError(c.intendedMeasure, outcome.sanction);
}
