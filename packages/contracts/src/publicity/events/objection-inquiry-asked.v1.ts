import { IsIn, IsISO8601, IsString, IsUUID } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

/** The Department asked a party about an objection; an enterprise asked is notified by intake. */
export class ObjectionInquiryAskedV1 {
  @IsUUID()
  inquiryId!: string;

  @IsUUID()
  objectionId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  applicationNo!: string;

  @IsIn(['prefecture', 'institution', 'enterprise'])
  party!: 'prefecture' | 'institution' | 'enterprise';

  /** The prefecture code, the institution id or the enterprise's USCC. */
  @IsString()
  partyRef!: string;

  @IsString()
  question!: string;

  @IsLocalDate()
  dueOn!: string;

  @IsISO8601()
  askedAt!: string;
}
export const ObjectionInquiryAsked = defineEvent('publicity.objection.inquiry-asked.v1', ObjectionInquiryAskedV1);
