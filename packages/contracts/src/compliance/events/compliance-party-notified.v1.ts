import { IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/**
 * The party of a compliance case was told of the intended measure and its time to state its case
 * (告知; ADR 0026). The notice is the text kept on the case (Chinese, then English); a case about a
 * recognition names its application, so the enterprise's inbox can carry it.
 */
export class CompliancePartyNotifiedV1 {
  @IsUUID()
  caseId!: string;

  @IsString()
  caseNo!: string;

  @IsIn(['recognition_revocation', 'institution_ban', 'expert_disqualification'])
  measure!: 'recognition_revocation' | 'institution_ban' | 'expert_disqualification';

  @IsIn(['recognition', 'enterprise', 'institution', 'expert'])
  subjectKind!: 'recognition' | 'enterprise' | 'institution' | 'expert';

  @IsString()
  subjectId!: string;

  @IsOptional()
  @IsString()
  subjectUscc!: string | null;

  @IsOptional()
  @IsUUID()
  applicationId!: string | null;

  @IsString()
  statementDeadline!: string;

  @IsString()
  notice!: string;

  @IsISO8601()
  notifiedAt!: string;
}
export const CompliancePartyNotified = defineEvent('compliance.case.party-notified.v1', CompliancePartyNotifiedV1);
