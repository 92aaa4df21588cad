import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/** The party asked answers the Department's question, once (ADR 0025). */
export class AnswerObjectionInquiryV1 {
  @IsUUID()
  inquiryId!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(5000)
  answer!: string;
}
export const AnswerObjectionInquiry = defineCommand('publicity.objection-inquiry.answer.v1', AnswerObjectionInquiryV1, 'PartyInquiryViewV1');
