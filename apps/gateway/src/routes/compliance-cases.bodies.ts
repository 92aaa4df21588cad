import { OmitType } from '@nestjs/swagger';
import { ChangeSanctionV1, DecideComplianceCaseV1, DropComplianceCaseV1, NotifyCompliancePartyV1, StateComplianceCaseV1 } from '@firstset/contracts';

// The compliance cases' HTTP bodies whose object id travels in the path (see bodies.ts): listed
// in COMPLIANCE_CASE_BODIES so the OpenAPI document carries their rules.

export class NotifyPartyBody extends OmitType(NotifyCompliancePartyV1, ['caseId'] as const) {}
export class StateCaseBody extends OmitType(StateComplianceCaseV1, ['caseId'] as const) {}
export class DecideCaseBody extends OmitType(DecideComplianceCaseV1, ['caseId'] as const) {}
export class DropCaseBody extends OmitType(DropComplianceCaseV1, ['caseId'] as const) {}
export class ChangeSanctionBody extends OmitType(ChangeSanctionV1, ['sanctionId'] as const) {}

export const COMPLIANCE_CASE_BODIES = [NotifyPartyBody, StateCaseBody, DecideCaseBody, DropCaseBody, ChangeSanctionBody];
