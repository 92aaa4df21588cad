import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ApplicationRefDto } from '../../common/dto';
import { defineCommand } from '../../contract';
import { PLEDGE_VERSION } from '../dto';

/**
 * The enterprise submits its draft (M7.2), signing the truthfulness pledge (诚信承诺, M10.1): it
 * names the version of the pledge text it was shown; a missing or outdated version is refused.
 */
export class SubmitApplicationV1 extends ApplicationRefDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @Matches(PLEDGE_VERSION)
  pledgeVersion!: string;
}
export const SubmitApplication = defineCommand('intake.application.submit.v1', SubmitApplicationV1, 'ApplicationViewV1');
