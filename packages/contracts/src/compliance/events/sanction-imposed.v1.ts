import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/**
 * A sanction was imposed after its case was heard (ADR 0026), with its period: each service keeps
 * the ones that concern its gates and asks the domain's `sanctionBarsOn` on the day.
 */
export class SanctionImposedV1 {
  @IsUUID()
  sanctionId!: string;

  @IsUUID()
  caseId!: string;

  @IsIn(['recognition_revocation', 'applicant_ban', 'institution_ban', 'expert_disqualification'])
  measure!: 'recognition_revocation' | 'applicant_ban' | 'institution_ban' | 'expert_disqualification';

  @IsIn(['recognition', 'enterprise', 'institution', 'expert'])
  subjectKind!: 'recognition' | 'enterprise' | 'institution' | 'expert';

  @IsString()
  subjectId!: string;

  @IsOptional()
  @IsString()
  subjectUscc?: string | null;

  @IsString()
  subjectName!: string;

  @IsArray()
  @IsString({ each: true })
  grounds!: string[];

  @IsString()
  reasons!: string;

  @IsString()
  from!: string;

  @IsOptional()
  @IsString()
  until!: string | null;

  /** The decision notice (Chinese, then English), for the party's inbox. */
  @IsString()
  notice!: string;

  @IsISO8601()
  imposedAt!: string;
}
export const SanctionImposed = defineEvent('compliance.sanction.imposed.v1', SanctionImposedV1);
