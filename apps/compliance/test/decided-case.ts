import { DecideComplianceCase, NotifyComplianceParty, OpenComplianceCase, StateComplianceCase, type ComplianceCaseViewV1 } from '@firstset/contracts';
import { addDays, parseLocalDate } from '@firstset/domain';
import type { ActorContext } from '@firstset/messaging';
import { actors, type RpcCaller } from '@firstset/testing';

export interface DecidedCaseInput {
  intendedMeasure: 'recognition_revocation' | 'institution_ban' | 'expert_disqualification';
  subjectId: string;
  subjectUscc?: string;
  facts?: string;
  /** The party who waives its statement (the enterprise, the institution's staff, the expert). */
  party: ActorContext;
  reasons: string;
  /** The service clock's day in China: the notice goes out on it. */
  today: string;
  decisionDate?: string;
}

/**
 * The only way to a sanction (ADR 0026): the Department opens a case, notifies the party with ten
 * days to answer, the party waives its statement, and the Department decides the announced measure.
 */
export async function decidedSanction(rpc: RpcCaller, input: DecidedCaseInput, department: ActorContext = actors.department()): Promise<ComplianceCaseViewV1> {
  const { party, reasons, today, decisionDate, facts, ...subject } = input;
  let c = await rpc.request<ComplianceCaseViewV1>(OpenComplianceCase, { ...subject, facts: facts ?? reasons }, department);
  c = await rpc.request<ComplianceCaseViewV1>(NotifyComplianceParty, { caseId: c.id, expectedVersion: c.version, statementDeadline: addDays(parseLocalDate(today), 10) }, department);
  c = await rpc.request<ComplianceCaseViewV1>(StateComplianceCase, { caseId: c.id, waived: true }, party);
  return rpc.request<ComplianceCaseViewV1>(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'sanction', reasons, ...(decisionDate ? { decisionDate } : {}) }, department);
}
