import { IsIn, IsISO8601, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/** The Department found an objection inadmissible or opened its investigation (the entry then goes OBJECTION_UNDER_INVESTIGATION). */
export class ObjectionAssessedV1 {
  @IsUUID()
  objectionId!: string;

  @IsUUID()
  applicationId!: string;

  @IsIn(['inadmissible', 'under_investigation'])
  outcome!: 'inadmissible' | 'under_investigation';

  @IsString()
  reason!: string;

  /** The entry's application state after the assessment. */
  @IsString()
  entryState!: string;

  @IsISO8601()
  assessedAt!: string;
}
export const ObjectionAssessed = defineEvent('publicity.objection.assessed.v1', ObjectionAssessedV1);
