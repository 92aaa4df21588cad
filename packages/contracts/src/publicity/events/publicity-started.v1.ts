import { ArrayMinSize, IsInt, IsString, IsUUID } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

export class PublicityStartedV1 {
  @IsUUID()
  publicityId!: string;

  @IsUUID()
  decisionListId!: string;

  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  applicationIds!: string[];

  @IsLocalDate()
  startDate!: string;

  @IsLocalDate()
  endDate!: string;

  @IsInt()
  workingDays!: number;

  /** The counting rule in force, stated with the dates (whether the publication day counts). */
  @IsString()
  countingRule!: string;
}
export const PublicityStarted = defineEvent('publicity.publicity.started.v1', PublicityStartedV1);
