import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/** The investigation ends: upheld (the entry leaves the list) or dismissed, with the reasons (M9.3). */
export class DecideObjectionV1 {
  @IsUUID()
  objectionId!: string;

  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsIn(['upheld', 'dismissed'])
  outcome!: 'upheld' | 'dismissed';

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
export const DecideObjection = defineCommand('publicity.objection.decide.v1', DecideObjectionV1, 'ObjectionDetailV1');
