import { OmitType } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AnswerObjectionInquiryV1, AskObjectionPartyV1, AssessObjectionV1, DecideObjectionV1, OBJECTOR_PHONE_PATTERN } from '@firstset/contracts';

// The objections' HTTP bodies whose object id travels in the path (see bodies.ts): listed in
// OBJECTION_BODIES so the OpenAPI document carries their rules.

export class AssessObjectionBody extends OmitType(AssessObjectionV1, ['objectionId'] as const) {}
export class AskObjectionPartyBody extends OmitType(AskObjectionPartyV1, ['objectionId'] as const) {}
export class DecideObjectionBody extends OmitType(DecideObjectionV1, ['objectionId'] as const) {}
export class AnswerInquiryBody extends OmitType(AnswerObjectionInquiryV1, ['inquiryId'] as const) {}

/** The second factor of an objector's receipt number: the phone given when lodging. */
export class ObjectorPhoneQuery {
  @Matches(OBJECTOR_PHONE_PATTERN)
  phone!: string;
}

export const OBJECTION_BODIES = [AssessObjectionBody, AskObjectionPartyBody, DecideObjectionBody, AnswerInquiryBody];
