import { randomUUID } from 'node:crypto';
import type { ApplicationSubmittedV1, ApplicationSummaryV1 } from '@firstset/contracts';

/** Dates of March 2026 at noon in China (04:00 UTC), so a day's China date is plain. */
export const at = (day: number, hour = 4) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();

/** A fresh application's summary, as every stage carries it forward. */
export function summary(batchId: string, prefectureId: string, n = 1): ApplicationSummaryV1 {
  return {
    applicationId: randomUUID(),
    batchId,
    applicationNo: `2026-${prefectureId}-${String(n).padStart(5, '0')}`,
    prefectureId,
    enterprise: { uscc: `9115${prefectureId.slice(2, 4)}00MA0N4K${String(n % 100).padStart(2, '0')}X4C`.slice(0, 18), name: '测试企业', registeredAddress: '呼和浩特市' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: 'ZK-1', rdCompletedOn: '2025-03-01' },
  };
}

export const submittedEvent = (s: ApplicationSummaryV1, submittedAt: string, createdAt?: string): ApplicationSubmittedV1 => ({
  ...s,
  version: 1,
  submittedAt,
  ...(createdAt ? { createdAt } : {}),
});

export const recommendedEvent = (s: ApplicationSummaryV1, recommendedAt: string) => ({
  ...s,
  opinion: '同意推荐',
  recommendedBy: randomUUID(),
  recommendedAt,
});
