import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/** The Department registers a third-party review institution (M8.1); one record per USCC. */
export class RegisterInstitutionV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** Unified social credit code; checked with its check character (GB 32100). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  uscc!: string;

  /** The qualification the Department relies on (资质): accreditation, scope. */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  qualification!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  qualificationNo?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  contactName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  contactPhone!: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}
export const RegisterInstitution = defineCommand('expert-management.institution.register.v1', RegisterInstitutionV1, 'InstitutionDetailV1');
