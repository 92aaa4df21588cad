import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

/**
 * An interim measure of a compliance case started (the case opened with it) or ended (the case
 * decided or dropped), effective `on` (ADR 0026): an institution's or an expert's work suspended
 * while the case is heard (M10.3, M11.2). The gates refuse the subject's work while it holds.
 */
export class InterimMeasureChangedV1 {
  @IsUUID()
  caseId!: string;

  @IsString()
  @IsNotEmpty()
  caseNo!: string;

  @IsIn(['institution_work_suspended', 'expert_work_suspended'])
  measure!: 'institution_work_suspended' | 'expert_work_suspended';

  @IsString()
  @IsNotEmpty()
  subjectId!: string;

  @IsIn(['started', 'ended'])
  change!: 'started' | 'ended';

  @IsLocalDate()
  on!: string;

  @IsISO8601()
  changedAt!: string;
}
export const InterimMeasureChanged = defineEvent('compliance.interim-measure.changed.v1', InterimMeasureChangedV1);
