import { randomUUID } from 'node:crypto';
import type { RecognitionIssuedV1 } from '@firstset/contracts';

/**
 * A recognition as publicity announces it when a document is issued (`RecognitionIssued`): the
 * demo enterprise's mining truck, issued on 15 October 2026 and valid three years, with fresh ids.
 * Tests and journeys that need a recognition without issuing one change what they are about.
 */
export const recognitionIssuedEvent = (change: Partial<RecognitionIssuedV1> = {}): RecognitionIssuedV1 => ({
  applicationId: randomUUID(),
  batchId: randomUUID(),
  applicationNo: '2026-150200-00001',
  prefectureId: '150200',
  enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
  product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: 'ZK-1', rdCompletedOn: '2026-03-01' },
  recognitionId: randomUUID(),
  documentNo: '内工信装备认字〔2026〕1号',
  documentDate: '2026-10-15',
  validFrom: '2026-10-15',
  validUntil: '2029-10-15',
  issuedAt: new Date().toISOString(),
  ...change,
});
