import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import { defineContract } from '../../src';

export class ApplicantDto {
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc!: string;

  @IsString()
  @Length(1, 200)
  name!: string;
}

export class ApplicationSubmittedV1Dto {
  @IsString()
  @Length(1, 64)
  applicationId!: string;

  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @IsInt()
  @Min(2020)
  batchYear!: number;
}

export const ApplicationSubmittedV1 = defineContract(
  'event',
  'intake.application.submitted.v1',
  ApplicationSubmittedV1Dto,
);

export class ApplicationWithdrawnV1Dto {
  @IsString()
  applicationId!: string;
}

export const ApplicationWithdrawnV1 = defineContract(
  'event',
  'intake.application.withdrawn.v1',
  ApplicationWithdrawnV1Dto,
);

export class SubmitApplicationV1Dto {
  @IsString()
  @Length(1, 64)
  applicationId!: string;

  @IsIn(['equipment', 'material'])
  category!: string;

  @IsOptional()
  @IsString()
  note?: string;
}

export const SubmitApplicationV1 = defineContract(
  'command',
  'intake.application.submit.v1',
  SubmitApplicationV1Dto,
);

export class GetApplicationV1Dto {
  @IsString()
  applicationId!: string;
}

export const GetApplicationV1 = defineContract('query', 'intake.application.get.v1', GetApplicationV1Dto);

export function submittedPayload(applicationId: string): ApplicationSubmittedV1Dto {
  return {
    applicationId,
    applicant: { uscc: '91150100MA0N1234XY', name: '内蒙古某装备制造有限公司' },
    batchYear: 2026,
  };
}
