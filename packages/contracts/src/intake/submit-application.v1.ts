import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { defineCommand } from '../contract';
import { ApplicationRefDto } from '../common/dto';

/** The truthfulness pledge's version as the enterprise accepted it at submission (M10.1). */
export const PLEDGE_VERSION = /^[A-Za-z0-9._-]{1,50}$/;

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
