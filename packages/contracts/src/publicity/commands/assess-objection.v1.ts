import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/** The Department finds a received objection inadmissible (with its reasons) or opens an investigation (M9.3). */
export class AssessObjectionV1 {
  @IsUUID()
  objectionId!: string;

  /** The objection's version the officer read; a stale one is refused (409). */
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsIn(['inadmissible', 'under_investigation'])
  outcome!: 'inadmissible' | 'under_investigation';

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
export const AssessObjection = defineCommand('publicity.objection.assess.v1', AssessObjectionV1, 'ObjectionDetailV1');
