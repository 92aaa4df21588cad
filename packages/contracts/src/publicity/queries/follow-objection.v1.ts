import { Matches } from 'class-validator';
import { defineQuery } from '../../contract';
import { OBJECTOR_PHONE_PATTERN } from '../commands/lodge-objection.v1';

/** `YYYY-XXXX-XXXX` (domain `objectionReceiptNo`). */
export const OBJECTION_RECEIPT_PATTERN = /^\d{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** The objector follows the case with the receipt number and the phone given (a wrong pair is 404). */
export class FollowObjectionV1 {
  @Matches(OBJECTION_RECEIPT_PATTERN)
  receiptNo!: string;

  @Matches(OBJECTOR_PHONE_PATTERN)
  phone!: string;
}
export const FollowObjection = defineQuery('publicity.objection.follow.v1', FollowObjectionV1, 'ObjectionFollowV1');
