import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineCommand } from '../../contract';
import { IP_KINDS } from '../dto';

/** A contact's phone number as the profile accepts it; SMS senders check recipients against it too. */
export const CONTACT_PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/;
const PHONE = CONTACT_PHONE_PATTERN;

export class LegalRepresentativeV1 {
  @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @IsOptional() @Matches(PHONE) phone?: string;
}

export class ContactV1 {
  @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @IsOptional() @IsString() @MaxLength(50) title?: string;
  @Matches(PHONE) phone!: string;
  @IsOptional() @IsEmail() @MaxLength(200) email?: string;
}

export class RdTeamMemberV1 {
  @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @IsOptional() @IsString() @MaxLength(100) title?: string;
  @IsOptional() @IsString() @MaxLength(200) field?: string;
}

/** The R&D team behind the applicant's own development capability (M5.2). */
export class RdTeamV1 {
  @IsInt() @Min(0) @Max(100000) headcount!: number;
  @IsOptional() @IsString() @MaxLength(50) leadName?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => RdTeamMemberV1) members?: RdTeamMemberV1[];
}

export class EnterpriseIpRightV1 {
  @IsIn(IP_KINDS) kind!: (typeof IP_KINDS)[number];
  @IsString() @IsNotEmpty() @MaxLength(100) number!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
}

/** A registered trademark the applicant owns (M5.3). */
export class TrademarkV1 {
  @IsString() @IsNotEmpty() @MaxLength(50) registrationNo!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) mark!: string;
  @IsArray() @ArrayMaxSize(45) @IsInt({ each: true }) @Min(1, { each: true }) @Max(45, { each: true }) niceClasses!: number[];
}

/**
 * The enterprise profile beyond registration: legal representative, contacts, R&D team, IP and
 * trademarks. Only the fields sent change (null clears one); `expectedRevision` guards against
 * a stale page overwriting a newer save.
 */
export class UpdateEnterpriseProfileV1 {
  @IsInt() @Min(0) expectedRevision!: number;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => LegalRepresentativeV1) legalRepresentative?: LegalRepresentativeV1;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ContactV1) contacts?: ContactV1[];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RdTeamV1) rdTeam?: RdTeamV1;
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => EnterpriseIpRightV1) ipRights?: EnterpriseIpRightV1[];
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => TrademarkV1) trademarks?: TrademarkV1[];
}
export const UpdateEnterpriseProfile = defineCommand('intake.enterprise.update-profile.v1', UpdateEnterpriseProfileV1, 'EnterpriseProfileViewV1');
