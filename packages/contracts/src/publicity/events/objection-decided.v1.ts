import { IsIn, IsISO8601, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/**
 * An investigation ended (M9.3): upheld, the entry is REMOVED_AFTER_OBJECTION and the enterprise
 * is told with the reason; dismissed, the entry is back IN_PUBLICITY unless another objection on
 * it is still under investigation (`entryState` says which).
 */
export class ObjectionDecidedV1 {
  @IsUUID()
  objectionId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  applicationNo!: string;

  @IsString()
  enterpriseUscc!: string;

  @IsIn(['upheld', 'dismissed'])
  outcome!: 'upheld' | 'dismissed';

  @IsString()
  reason!: string;

  @IsString()
  entryState!: string;

  @IsISO8601()
  decidedAt!: string;
}
export const ObjectionDecided = defineEvent('publicity.objection.decided.v1', ObjectionDecidedV1);
