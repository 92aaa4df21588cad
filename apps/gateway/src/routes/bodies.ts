import { OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  AssignExpertV1,
  CloseBatchWindowV1,
  ExtendBatchWindowV1,
  UpdateApplicationDraftV1,
  WithdrawApplicationV1,
  IssueRecognitionDocumentV1,
  PublishListV1,
  RecommendApplicationV1,
  SetCalendarYearV1,
  SubmitApplicationV1,
  ResubmitApplicationV1,
  UpdateInstitutionV1,
  EndCommissionV1,
  WithdrawDecisionListV1,
} from '@firstset/contracts';
import { AmendRecognitionBody } from './registry.bodies';
import { TRACKING_EVALUATION_BODIES } from './tracking-evaluations.bodies';
import { EXPERT_POOL_BODIES } from './expert-pool.bodies';
import { OBJECTION_BODIES } from './objections.bodies';
import { COMPLIANCE_CASE_BODIES } from './compliance-cases.bodies';

// HTTP bodies of routes whose object id travels in the path: the contract's DTO without that id
// (OmitType keeps its validation rules), so the rules are written once, in the contract. The
// owning service validates the whole message again on receipt.

export class OpinionBody extends OmitType(RecommendApplicationV1, ['applicationId'] as const) {}
export class AssignExpertBody extends OmitType(AssignExpertV1, ['applicationId'] as const) {}
export class PublishBody extends OmitType(PublishListV1, ['decisionListId'] as const) {}
export class IssueDocumentBody extends OmitType(IssueRecognitionDocumentV1, ['documentId'] as const) {}
export class CalendarYearBody extends OmitType(SetCalendarYearV1, ['year'] as const) {}
export class ExtendWindowBody extends OmitType(ExtendBatchWindowV1, ['batchId'] as const) {}
export class CloseWindowBody extends OmitType(CloseBatchWindowV1, ['batchId'] as const) {}
export class DraftBody extends OmitType(UpdateApplicationDraftV1, ['applicationId'] as const) {}
export class WithdrawBody extends OmitType(WithdrawApplicationV1, ['applicationId'] as const) {}
export class SubmitBody extends OmitType(SubmitApplicationV1, ['applicationId'] as const) {}
export class ResubmitBody extends OmitType(ResubmitApplicationV1, ['applicationId'] as const) {}
export class UpdateInstitutionBody extends OmitType(UpdateInstitutionV1, ['id'] as const) {}
export class EndCommissionBody extends OmitType(EndCommissionV1, ['commissionId'] as const) {}
export class WithdrawListBody extends OmitType(WithdrawDecisionListV1, ['decisionListId'] as const) {}

export class LoginBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;

  /** The 6-digit code of the account's authenticator app, when it has a second factor. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: '须为 6 位数字 / must be 6 digits' })
  totpCode?: string;
}

export class BatchQuery {
  @IsOptional()
  @IsUUID()
  batchId?: string;
}

/** Bodies built from contracts by OmitType: their JSON schemas are computed per class (openapi.ts). */
export const DERIVED_BODIES = [OpinionBody, AssignExpertBody, PublishBody, IssueDocumentBody, CalendarYearBody, ExtendWindowBody, CloseWindowBody, DraftBody, WithdrawBody, SubmitBody, ResubmitBody, UpdateInstitutionBody, EndCommissionBody, ...EXPERT_POOL_BODIES, AmendRecognitionBody, ...OBJECTION_BODIES, WithdrawListBody, ...COMPLIANCE_CASE_BODIES, ...TRACKING_EVALUATION_BODIES];
