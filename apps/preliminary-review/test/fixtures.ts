import { randomUUID } from 'node:crypto';
import { ApplicationSubmitted, ApplicationSubmittedV1, BatchOpened, BatchOpenedV1, FormalReviewSheetV1, GetFormalReview, RecordConditionVerdict, RecordMaterialVerdict } from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import { publishEvent, RpcCaller, TestEnv, waitUntilConsumed } from '@firstset/testing';

export const BAOTOU = '150200';
export const HOHHOT = '150100';
export const day = 24 * 3600_000;

let seq = 0;
/** An application as intake submits it; unique by default. */
export function submission(prefectureId: string, batchId: string, over: Partial<ApplicationSubmittedV1> = {}): ApplicationSubmittedV1 {
  seq += 1;
  return {
    applicationId: randomUUID(),
    batchId,
    applicationNo: `2026-${prefectureId}-${String(seq).padStart(5, '0')}-${randomUUID().slice(0, 4)}`,
    version: 1,
    prefectureId,
    enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${seq}`, rdCompletedOn: '2026-03-01' },
    submittedAt: new Date(Date.now() - 2 * day).toISOString(),
    ...over,
  };
}

export function batchOpened(prefectureDeadline: string, over: Partial<BatchOpenedV1> = {}): BatchOpenedV1 {
  return {
    batchId: randomUUID(),
    year: 2026,
    name: '2026年度首台（套）技术装备、关键零部件和新材料首批（次）认定',
    windowOpensAt: '2026-09-01T00:00:00+08:00',
    windowClosesAt: '2026-10-31T00:00:00+08:00',
    prefectureDeadline,
    policyProfileVersion: 'inner-mongolia-draft',
    ...over,
  };
}

/** Publishes as intake would and waits until preliminary review has taken them in. */
export async function receive(env: TestEnv, ...events: ApplicationSubmittedV1[]): Promise<void> {
  for (const e of events) await publishEvent(env, ApplicationSubmitted, e);
  await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-submissions');
}

export async function openBatch(env: TestEnv, e: BatchOpenedV1): Promise<void> {
  await publishEvent(env, BatchOpened, e);
  await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-batches');
}

/**
 * The officer judges everything a recommendation needs (M7.3, M12.1): every applicable material
 * passed, every condition of M5 and M6 met. Answers the sheet as it then stands.
 */
export async function judgeAll(rpc: RpcCaller, applicationId: string, officer: ActorContext): Promise<FormalReviewSheetV1> {
  let sheet = await rpc.request<FormalReviewSheetV1>(GetFormalReview, { applicationId }, officer);
  for (const i of sheet.items.filter((x) => x.required && !x.conditionUnknown)) {
    const checks = { present: true, legible: true, valid: true, consistent: true, ...(i.qualifiedInstitutionRequired ? { qualifiedInstitution: true } : {}) };
    sheet = await rpc.request<FormalReviewSheetV1>(RecordMaterialVerdict, { applicationId, slotId: i.slotId as never, ...checks }, officer);
  }
  for (const c of sheet.conditions) sheet = await rpc.request<FormalReviewSheetV1>(RecordConditionVerdict, { applicationId, conditionId: c.conditionId as never, verdict: 'MET' }, officer);
  return sheet;
}
