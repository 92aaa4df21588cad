import { PolicyProfile, profileInForce } from '../policy/policy-profile';
import { DomainError, InvalidInstantError } from '../shared/errors';
import { yearOf, toShanghaiDate } from '../shared/local-date';

/** An annual call for applications (M7.1 “每年开展一次”). */
export interface AnnualBatch {
  id: string;
  /** The batch's year: the Asia/Shanghai year in which its window opens. */
  year: number;
  titleZh: string;
  /** Window opens at this instant, included. */
  windowOpensAt: Date;
  /** Window closes at this instant, excluded (e.g. 00:00 Beijing time after the last day). */
  windowClosesAt: Date;
  /** The profile the batch's applications are judged by (M15). */
  profile: { id: string; version: string };
}

export class BatchInvalidError extends DomainError {
  readonly code = 'BATCH_INVALID';
  constructor(batchId: string, problemZh: string, problemEn: string) {
    super(`申报批次「${batchId}」设置有误：${problemZh}。`, `Batch "${batchId}" is invalid: ${problemEn}.`, {
      batchId,
    });
  }
}

export class BatchLimitExceededError extends DomainError {
  readonly code = 'BATCH_LIMIT_EXCEEDED';
  constructor(year: number, limit: number) {
    super(
      `${year}年已开设${limit}个申报批次，达到政策规定的每年批次上限（第七条：认定工作每年开展一次）。`,
      `${year} already has ${limit} batch(es), the yearly limit of the policy (M7.1: recognition runs once a year).`,
      { year, limit },
    );
  }
}

function instant(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new InvalidInstantError(field);
  return ms;
}

export function validateBatch(batch: AnnualBatch): AnnualBatch {
  const opens = instant(batch.windowOpensAt, 'windowOpensAt');
  const closes = instant(batch.windowClosesAt, 'windowClosesAt');
  if (closes <= opens)
    throw new BatchInvalidError(
      batch.id,
      '申报截止时间应晚于开始时间',
      'the window must close after it opens',
    );
  if (yearOf(toShanghaiDate(batch.windowOpensAt)) !== batch.year) {
    throw new BatchInvalidError(
      batch.id,
      `批次年度 ${batch.year} 与申报开始日期不符`,
      `year ${batch.year} does not match the opening date`,
    );
  }
  return batch;
}

/** M7.1: applications are accepted from windowOpensAt (included) to windowClosesAt (excluded). */
export function isWithinApplicationWindow(batch: AnnualBatch, at: Date): boolean {
  const t = instant(at, 'instant');
  return (
    t >= instant(batch.windowOpensAt, 'windowOpensAt') && t < instant(batch.windowClosesAt, 'windowClosesAt')
  );
}

/**
 * M7.1: refuses to open `candidate` when its year already has `batchesPerYear` batches (of the
 * profile in force when the candidate opens).
 */
export function assertCanOpenBatch(
  existing: readonly AnnualBatch[],
  candidate: AnnualBatch,
  profile: Pick<PolicyProfile, 'batchesPerYear'>,
): void {
  validateBatch(candidate);
  const sameYear = existing.filter((b) => b.id !== candidate.id && b.year === candidate.year);
  if (sameYear.length >= profile.batchesPerYear)
    throw new BatchLimitExceededError(candidate.year, profile.batchesPerYear);
}

/** M15: an application is judged by the profile in force on the day its batch opens. */
export function profileForBatch(profiles: readonly PolicyProfile[], batch: AnnualBatch): PolicyProfile {
  return profileInForce(profiles, toShanghaiDate(batch.windowOpensAt));
}
